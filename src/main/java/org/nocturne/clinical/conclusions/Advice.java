package org.nocturne.clinical.conclusions;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Self-care advice from the seed article, each for the causes it helps. Text lives in the knowledge
 * file.
 */
public enum Advice {
  CALF_AND_HAMSTRING_STRETCHING(EnumSet.of(Cause.LEG_CRAMPS)),
  HEAT(EnumSet.of(Cause.LEG_CRAMPS, Cause.ARTHRITIS)),
  HYDRATION(EnumSet.of(Cause.LEG_CRAMPS)),
  MOVE_WHEN_THE_URGE_COMES(EnumSet.of(Cause.RESTLESS_LEGS)),
  PILLOWS_FOR_A_NEUTRAL_SPINE(EnumSet.of(Cause.SCIATICA)),
  DAILY_FOOT_CHECK(EnumSet.of(Cause.PERIPHERAL_NEUROPATHY)),
  LEGS_DOWN(EnumSet.of(Cause.PERIPHERAL_ARTERY_DISEASE)),
  LEG_ELEVATION(EnumSet.of(Cause.VENOUS_INSUFFICIENCY));

  private final Set<Cause> helps;

  Advice(Set<Cause> helps) {
    this.helps = helps;
  }

  public Set<Cause> helps() {
    return EnumSet.copyOf(helps);
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The advice with this {@link #key()}, or empty for anything else (input from a URL). */
  public static Optional<Advice> fromKey(String key) {
    for (Advice advice : values()) {
      if (advice.key().equals(key)) {
        return Optional.of(advice);
      }
    }
    return Optional.empty();
  }
}
