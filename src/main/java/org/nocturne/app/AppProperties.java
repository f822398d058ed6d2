package org.nocturne.app;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.app.*}: the questionnaire app at {@code /app}.
 *
 * @param enabled serve the app's endpoints and give the cards a {@code smart} link to it (default
 *     false; true in the {@code local} profile)
 * @param clientId the client id an EHR registers the app under (default {@code
 *     nocturne-questionnaire})
 * @param allowedIssuers the FHIR base URLs ({@code iss}) the app may launch against and the
 *     assessment may fetch from (default none; the demo's {@code /demo/fhir} in {@code local})
 * @param maxRequestBytes the largest body the app's endpoints read (default 256 KiB)
 * @param maxConcurrentValidations validations of answers run at once; more answer 503 with {@code
 *     Retry-After} (default 2)
 * @param validateTimeout the longest a caller waits for a validation; later it answers 503 with
 *     {@code Retry-After} (default 10 s)
 */
@Validated
@ConfigurationProperties("nocturne.app")
public record AppProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("nocturne-questionnaire") @NotBlank String clientId,
    @DefaultValue List<String> allowedIssuers,
    @DefaultValue("262144") @Min(1024) int maxRequestBytes,
    @DefaultValue("2") @Min(1) int maxConcurrentValidations,
    @DefaultValue("10s") Duration validateTimeout) {

  /** The path of the app's SMART launch page, below the public base URL. */
  public static final String LAUNCH_PATH = "/app/launch";

  public AppProperties {
    if (validateTimeout == null || validateTimeout.isNegative() || validateTimeout.isZero()) {
      throw new IllegalArgumentException("nocturne.app.validate-timeout must be positive");
    }
    allowedIssuers =
        allowedIssuers == null
            ? List.of()
            : allowedIssuers.stream().map(AppProperties::withoutTrailingSlash).toList();
  }

  static String withoutTrailingSlash(String url) {
    return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
