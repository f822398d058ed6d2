package org.nocturne.cdshooks.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    JWSVerifier verifier = create(key);
    // the first caller's verifier wins, so every call uses one key object (and its precomputation)
    JWSVerifier raced = byKey.putIfAbsent(key, verifier);
    return raced != null ? raced : verifier;
  }

  int size() {
    return byKey.size();
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
