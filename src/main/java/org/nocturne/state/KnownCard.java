package org.nocturne.state;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.TopicCodes;

/** What we remember of a card we answered: its topic, indicator and offered override reasons. */
record KnownCard(Coding topic, Indicator indicator, List<String> overrideReasons) {
  static final KnownCard UNKNOWN = new KnownCard(null, null, List.of());

  static KnownCard of(String system, String code, String indicator, String reasons) {
    return new KnownCard(
        coding(system, code),
        indicator(indicator),
        reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.split(",")));
  }

  /** A stored topic, read back in today's spelling so old and new rows count as one topic. */
  static Coding coding(String system, String code) {
    return system == null || code == null
        ? null
        : Coding.of(system, TopicCodes.currentSpelling(code));
  }

  static Indicator indicator(String wire) {
    return wire == null ? null : Indicator.valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
