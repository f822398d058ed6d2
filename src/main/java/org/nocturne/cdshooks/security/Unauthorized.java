package org.nocturne.cdshooks.security;

import java.util.List;

/**
 * A JWT that is not accepted. The reason (a fixed phrase) and what the token claimed go to the log,
 * so a 401 can be debugged; the caller only learns "401".
 */
final class Unauthorized extends Exception {
  /** What the token said, as far as it could be read: for the log line, never the token. */
  record Claimed(String issuer, List<String> audience, String kid) {
    static final Claimed NOTHING = new Claimed(null, null, null);
  }

  private final Claimed claimed;

  Unauthorized(String reason) {
    this(reason, Claimed.NOTHING);
  }

  Unauthorized(String reason, Claimed claimed) {
    super(reason, null, false, false);
    this.claimed = claimed;
  }

  Claimed claimed() {
    return claimed;
  }

  Unauthorized with(Claimed claimed) {
    return new Unauthorized(getMessage(), claimed);
  }
}
