package org.nocturne.cdshooks.endpoint;

/** {@code nocturne.cards.mode}: whether cards reach clinicians at all. */
public enum CardMode {
  /** Cards are answered (to the pilot group only, when one is configured). */
  LIVE,
  /** Every hook answers no cards; what would have been shown is recorded. */
  SHADOW
}
