package org.nocturne.cdshooks.security;

import java.time.Instant;

/**
 * Remembers which JWTs have been used (2.0 §Trusting CDS Clients: a {@code jti} is accepted once).
 * Shared by every replica behind a load balancer, so a token captured on one is refused on all.
 */
public interface ReplayGuard {
  /** Longest {@code jti} accepted; longer ones are refused before they reach storage. */
  int MAX_JTI_LENGTH = 255;

  /**
   * Claims {@code jti} of {@code issuer} until {@code expiresAt}.
   *
   * @return {@code true} the first time, {@code false} for every later claim before it expires
   * @throws StateUnavailable when the guard cannot tell (the call must then fail, never pass)
   */
  boolean claim(String issuer, String jti, Instant expiresAt);
}
