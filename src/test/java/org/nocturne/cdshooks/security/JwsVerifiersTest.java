package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class JwsVerifiersTest {
  private final JwsVerifiers verifiers = new JwsVerifiers();

  private static SignedJWT signed(JWSAlgorithm alg, JWSSigner signer) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).keyID("k").build(),
            new JWTClaimsSet.Builder().jwtID("j").build());
    jwt.sign(signer);
    return jwt;
  }

  @Test
  void oneVerifierPerKeyIsBuiltOnceAndReused() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("k").generate();
    // the same key material read again (a JWKS refetch) finds the same verifier
    ECKey again = ECKey.parse(key.toPublicJWK().toJSONString());

    assertThat(verifiers.of(key.toPublicJWK())).isSameAs(verifiers.of(again));
    assertThat(verifiers.size()).isEqualTo(1);
  }

  @Test
  void es384SignaturesOfTheKeyPassAndOthersFail() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("k").generate();
    ECKey other = new ECKeyGenerator(Curve.P_384).keyID("k").generate();

    assertThat(
            signed(JWSAlgorithm.ES384, new ECDSASigner(key))
                .verify(verifiers.of(key.toPublicJWK())))
        .isTrue();
    assertThat(
            signed(JWSAlgorithm.ES384, new ECDSASigner(other))
                .verify(verifiers.of(key.toPublicJWK())))
        .isFalse();
  }

  @Test
  void rs384SignaturesOfTheKeyPassAndOthersFail() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    RSAKey other = new RSAKeyGenerator(2048).keyID("k").generate();

    assertThat(
            signed(JWSAlgorithm.RS384, new RSASSASigner(key))
                .verify(verifiers.of(key.toPublicJWK())))
        .isTrue();
    assertThat(
            signed(JWSAlgorithm.RS384, new RSASSASigner(other))
                .verify(verifiers.of(key.toPublicJWK())))
        .isFalse();
  }

  @Test
  void rotationsCannotGrowTheCacheWithoutBound() throws Exception {
    for (int i = 0; i < JwsVerifiers.MAX_KEYS + 5; i++) {
      verifiers.of(new ECKeyGenerator(Curve.P_256).keyID("k" + i).generate().toPublicJWK());
    }

    assertThat(verifiers.size()).isLessThanOrEqualTo(JwsVerifiers.MAX_KEYS);
  }
}
