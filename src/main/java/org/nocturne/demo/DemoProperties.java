package org.nocturne.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.demo.*}: the demo EHR ({@code local} profile only).
 *
 * @param enabled the chart at {@code /demo} and its FHIR server at {@code /demo/fhir}
 * @param auth its authorization server
 * @param fhir its FHIR server
 */
@Validated
@ConfigurationProperties("nocturne.demo")
record DemoProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue @Valid Auth auth,
    @DefaultValue @Valid Fhir fhir) {

  /**
   * @param tokenLifetime how long an access token is valid (default 1 hour)
   */
  record Auth(@DefaultValue("1h") @NotNull Duration tokenLifetime) {}

  /**
   * @param rejectWrites refuse every create and update with 422 (a test setting)
   */
  record Fhir(@DefaultValue("false") boolean rejectWrites) {}
}
