package org.nocturne.cdshooks.prefetch;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.prefetch.*}: fetching what the EHR did not prefetch.
 *
 * @param connectTimeout to open a connection to the FHIR server (default 1 s)
 * @param readTimeout for one response (default 2 s)
 * @param budget for all the fetches of one call together (default 2.5 s)
 * @param maxPages {@code next} links followed per key (default 10)
 * @param maxResponseBytes per response; larger ones fail the key (default 10 MiB)
 * @param cacheTtl how long a fetched result is reused for the same query and token (default 60 s)
 * @param cacheMaxBytes cache bound in estimated heap bytes (default 64 MiB)
 * @param cacheMaxEntries cache bound (default 10,000)
 * @param allowedFhirServers FHIR base URLs that may be contacted when JWTs are not required (the
 *     {@code local} profile); with JWTs, each trusted issuer has its own list
 */
@Validated
@ConfigurationProperties("nocturne.prefetch")
public record PrefetchProperties(
    @DefaultValue("1s") @NotNull Duration connectTimeout,
    @DefaultValue("2s") @NotNull Duration readTimeout,
    @DefaultValue("2500ms") @NotNull Duration budget,
    @DefaultValue("10") @Min(1) int maxPages,
    @DefaultValue("10485760") @Min(1024) long maxResponseBytes,
    @DefaultValue("60s") @NotNull Duration cacheTtl,
    @DefaultValue("10000") @Min(0) long cacheMaxEntries,
    @DefaultValue List<String> allowedFhirServers,
    @DefaultValue("67108864") @Min(1024) long cacheMaxBytes) {

  /** The eight settings before the cache's byte bound, which then takes its default. */
  public PrefetchProperties(
      Duration connectTimeout,
      Duration readTimeout,
      Duration budget,
      int maxPages,
      long maxResponseBytes,
      Duration cacheTtl,
      long cacheMaxEntries,
      List<String> allowedFhirServers) {
    this(
        connectTimeout,
        readTimeout,
        budget,
        maxPages,
        maxResponseBytes,
        cacheTtl,
        cacheMaxEntries,
        allowedFhirServers,
        64L * 1024 * 1024);
  }

  @ConstructorBinding
  public PrefetchProperties {
    allowedFhirServers = allowedFhirServers == null ? List.of() : List.copyOf(allowedFhirServers);
  }
}
