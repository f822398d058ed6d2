package org.nocturne.cdshooks.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One signature verifier per trusted public key, built on the key's first use and kept: the JWK to
 * Java key conversion and the curve checks are not repeated on every call. Nimbus verifiers are
 * thread-safe. Keys come only from the issuers' JWKS (never from a token), so the map stays small;
 * it is emptied if key rotations ever grow it past {@link #MAX_KEYS} (an EC key's comb tables take
 * up to 560 KB, so at most about 35 MB).
 *
 * <p>EC signatures (ES256/384/512) are checked with Bouncy Castle's ECDSA, about three times faster
 * than the JDK 17 provider's on P-384 (docs/performance.md); RSA keeps the JDK's.
 */
final class JwsVerifiers {
  static final int MAX_KEYS = 64;

  private final Map<JWK, JWSVerifier> byKey = new ConcurrentHashMap<>();
  private final AtomicInteger built = new AtomicInteger();

  /**
   * @param key an RSA or EC public key of a trusted issuer
   * @throws JOSEException when the key cannot verify (not on its curve, unsupported)
   */
  JWSVerifier of(JWK key) throws JOSEException {
    JWSVerifier known = byKey.get(key);
    if (known != null) {
      return known;
    }
    if (byKey.size() >= MAX_KEYS) {
      byKey.clear();
    }
    // built once per key, even when a pod's first calls all bring a new key at once: an EC key's
    // comb tables take tens of milliseconds, which sixteen racing calls would each pay
    try {
      return byKey.computeIfAbsent(key, this::createUnchecked);
    } catch (NotAKey e) {
      throw e.failure;
    }
  }

  /** How many verifiers were built: once per key. */
  int built() {
    return built.get();
  }

  int size() {
    return byKey.size();
  }

  private JWSVerifier createUnchecked(JWK key) {
    try {
      JWSVerifier verifier = create(key);
      built.incrementAndGet();
      return verifier;
    } catch (JOSEException e) {
      throw new NotAKey(e);
    }
  }

  /** Carries {@link #create}'s checked exception out of {@code computeIfAbsent}. */
  private static final class NotAKey extends RuntimeException {
    private final JOSEException failure;

    NotAKey(JOSEException cause) {
      super(cause.getMessage(), cause, false, false);
      this.failure = cause;
    }
  }

  private static JWSVerifier create(JWK key) throws JOSEException {
    if (key instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa.toRSAPublicKey());
    }
    if (key instanceof ECKey ec) {
      return new EcdsaVerifier(ec);
    }
    throw new JOSEException("not an RSA or EC key");
  }
}
