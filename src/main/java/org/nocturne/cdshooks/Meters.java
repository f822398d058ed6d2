package org.nocturne.cdshooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;

/**
 * The service's own meters, each with the description Prometheus shows as its {@code # HELP} line:
 * an on-call engineer reading {@code /actuator/prometheus} learns what a series counts without the
 * source. One list, so a new meter without a description fails {@link #description}.
 */
public final class Meters {
  private static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry(
              "nocturne.cds.invocations",
              "CDS Hooks calls (POST /cds-services/{id}), refused ones included, by service and"
                  + " outcome (ok or the HTTP status)"),
          Map.entry(
              "nocturne.prefetch.keys",
              "Prefetch keys by where their data came from: prefetched by the EHR, fetched or"
                  + " cached by the fallback, no-data, client-error, unavailable"),
          Map.entry(
              "nocturne.cds.cards",
              "Cards produced, by service, indicator and disposition (shown; shadow: would have"
                  + " been shown; suppressed by the kill switch)"),
          Map.entry("nocturne.cds.feedback", "Feedback items received, by service and outcome"),
          Map.entry(
              "nocturne.cards.shown",
              "Cards shown, once per card uuid as the admin summary counts them (a resent"
                  + " hookInstance is not counted again), by service, topic and indicator"),
          Map.entry(
              "nocturne.feedback.outcomes",
              "Feedback stored, once per card, outcome and time as the admin summary counts it,"
                  + " by service, topic and outcome"),
          Map.entry(
              "nocturne.feedback.override.reasons",
              "Override reasons of stored feedback: the card's reason code, unlisted or none"),
          Map.entry(
              "nocturne.state.failures",
              "State database operations that failed: replay-guard and feedback answer 503, audit"
                  + " and purge are logged and retried"),
          Map.entry(
              "nocturne.jwks.fetch.failures",
              "Failed fetches of a trusted issuer's JWKS (unreachable, not 200, not a JWK set)"));

  private Meters() {}

  public static String description(String name) {
    String description = DESCRIPTIONS.get(name);
    if (description == null) {
      throw new IllegalArgumentException("no description for the meter " + name);
    }
    return description;
  }

  /** The counter {@code name} with these tags, described; registered (at zero) on first use. */
  public static Counter counter(MeterRegistry registry, String name, String... tags) {
    return Counter.builder(name).description(description(name)).tags(tags).register(registry);
  }

  public static Timer timer(MeterRegistry registry, String name, String... tags) {
    return Timer.builder(name).description(description(name)).tags(tags).register(registry);
  }
}
