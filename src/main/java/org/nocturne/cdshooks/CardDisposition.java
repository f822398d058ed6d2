package org.nocturne.cdshooks;

/**
 * What became of a card the service produced: answered to the EHR, kept back because the caller is
 * in shadow (shadow mode, or not in the pilot group), or withheld because its topic is switched
 * off.
 */
public enum CardDisposition {
  SHOWN("shown"),
  SHADOW("shadow"),
  SUPPRESSED("suppressed");

  private final String wire;

  CardDisposition(String wire) {
    this.wire = wire;
  }

  /** The stored and exported name. */
  public String wire() {
    return wire;
  }

  public static CardDisposition ofWire(String wire) {
    for (CardDisposition disposition : values()) {
      if (disposition.wire.equals(wire)) {
        return disposition;
      }
    }
    throw new IllegalArgumentException("unknown card disposition: " + wire);
  }
}
