package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  /** A pod's first calls bring a new key at once: its comb tables are built by one of them only. */
  @Test
  void manyFirstCallsWithANewKeyBuildOneVerifier() throws Exception {
    JWK key = new ECKeyGenerator(Curve.P_384).keyID("k").generate().toPublicJWK();
    int calls = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<JWSVerifier>> found = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        found.add(
            pool.submit(
                () -> {
                  start.await();
                  return verifiers.of(key);
                }));
      }
      start.countDown();
      JWSVerifier first = found.get(0).get(30, TimeUnit.SECONDS);
      for (Future<JWSVerifier> each : found) {
        assertThat(each.get(30, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(verifiers.built()).isEqualTo(1);
  }

  @Test
  void aKeyThatCannotVerifyIsRefusedWithItsReason() {
    assertThatThrownBy(() -> verifiers.of(new OctetSequenceKey.Builder(new byte[32]).build()))
        .isInstanceOf(JOSEException.class)
        .hasMessageContaining("not an RSA or EC key");
    assertThat(verifiers.size()).isZero();
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
