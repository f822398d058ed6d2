package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.cdshooks.Caller;

/**
 * The warm-up's own tokens: accepted, as the calls of no EHR, only while the rehearsal is open and
 * only when signed by its in-memory keys; no configured issuer may take its name.
 */
class RehearsalTest {
  private static final String BASE = "https://cds.example.org";
  private static final String PATH = "/cds-services/nocturnal-leg-pain";
  private final Clock clock = Clock.systemUTC();
  private final Rehearsal rehearsal = Rehearsal.open(BASE, clock);

  private static SecurityProperties properties(String issuer) {
    return OneIssuer.properties(BASE, issuer, "https://ehr.example.org/jwks");
  }

  private JwtVerifier verifier() {
    return new JwtVerifier(
        properties("https://ehr.example.org"),
        new JwksKeys(clock),
        clock,
        new InMemoryReplayGuard(100, clock),
        rehearsal);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anOpenRehearsalsTokenIsTheWarmUpsCallerAndOnlyOnce(boolean ec) throws Unauthorized {
    JwtVerifier verifier = verifier();
    String token = rehearsal.token(PATH, ec);

    Caller caller = verifier.verify(token, BASE + PATH);

    assertThat(caller.rehearsal()).isTrue();
    assertThat(caller.fhirServers()).as("it may send us nowhere").isEmpty();
    assertThatThrownBy(() -> verifier.verify(token, BASE + PATH))
        .isInstanceOf(Unauthorized.class)
        .hasMessageContaining("replayed");
  }

  @Test
  void onceClosedItsTokensAreRefusedAndNoneAreMade() {
    JwtVerifier verifier = verifier();
    String token = rehearsal.token(PATH, false);

    rehearsal.close();

    assertThatThrownBy(() -> verifier.verify(token, BASE + PATH))
        .isInstanceOf(Unauthorized.class)
        .hasMessageContaining("untrusted issuer");
    assertThat(verifier.rehearsalCaller(token, BASE + PATH)).isEmpty();
    assertThatIllegalStateException().isThrownBy(() -> rehearsal.token(PATH, false));
  }

  @Test
  void aTokenInItsNameSignedByAnotherKeyIsRefused() throws Exception {
    var forger = new RSAKeyGenerator(2048).keyID("rehearsal-rsa").generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384)
                .type(JOSEObjectType.JWT)
                .keyID("rehearsal-rsa")
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(Caller.REHEARSAL_ISSUER)
                .audience(BASE + PATH)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .jwtID("forged")
                .build());
    forged.sign(new RSASSASigner(forger));
    JwtVerifier verifier = verifier();

    assertThatThrownBy(() -> verifier.verify(forged.serialize(), BASE + PATH))
        .isInstanceOf(Unauthorized.class)
        .hasMessageContaining("bad signature");
    assertThat(verifier.rehearsalCaller(forged.serialize(), BASE + PATH)).isEmpty();
  }

  @Test
  void aTokenForAnotherAddressIsRefused() {
    JwtVerifier verifier = verifier();
    String token = rehearsal.token(PATH, false);

    assertThatThrownBy(() -> verifier.verify(token, "https://elsewhere.example.org" + PATH))
        .isInstanceOf(Unauthorized.class)
        .hasMessageContaining("aud");
  }

  @Test
  void inLocalModeOnlyTheRehearsalsTokensAreRead() throws Exception {
    JwtVerifier verifier = verifier();

    assertThat(verifier.rehearsalCaller(rehearsal.token(PATH, true), BASE + PATH))
        .hasValueSatisfying(caller -> assertThat(caller.rehearsal()).isTrue());
    assertThat(verifier.rehearsalCaller("not a token", BASE + PATH)).isEmpty();
  }

  @Test
  void noConfiguredIssuerMayTakeTheRehearsalsName() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                new JwtVerifier(
                    properties(Caller.REHEARSAL_ISSUER),
                    new JwksKeys(clock),
                    clock,
                    new InMemoryReplayGuard(100, clock),
                    Rehearsal.closed()))
        .withMessageContaining("warm-up issuer");
  }

  @Test
  void aClosedRehearsalIsClosedFromTheStart() {
    assertThat(Rehearsal.closed().open()).isFalse();
    assertThat(Rehearsal.closed().key("rehearsal-rsa")).isEmpty();
  }
}
