package org.nocturne.cdshooks.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JWT check of one call as the service does it (parse, header and claim checks, key lookup,
 * signature), for the spec's two recommended algorithms. The replay guard accepts every {@code jti}
 * here so one token can be verified again and again (minting a token per operation would cost more
 * than verifying it); the in-memory guard's own cost is a map insert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtBenchmark {
  private static final String ISSUER = "https://ehr.example.org";
  private static final String AUDIENCE = "https://cds.example.org/cds-services/nocturnal-leg-pain";

  @Param({"ES384", "RS384"})
  public String algorithm;

  private HttpServer jwks;
  private JwtVerifier verifier;
  private String token;

  @Setup
  public void setUp() throws Exception {
    JWSAlgorithm alg = JWSAlgorithm.parse(algorithm);
    JWK key;
    JWSSigner signer;
    if (alg.equals(JWSAlgorithm.ES384)) {
      var ec = new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
      key = ec;
      signer = new ECDSASigner(ec);
    } else {
      var rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
      key = rsa;
      signer = new RSASSASigner(rsa);
    }
    byte[] published = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    jwks.createContext(
        "/jwks.json",
        exchange -> {
          exchange.sendResponseHeaders(200, published.length);
          exchange.getResponseBody().write(published);
          exchange.close();
        });
    jwks.start();
    SecurityProperties properties =
        OneIssuer.properties(
            "https://cds.example.org",
            ISSUER,
            "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
    Clock clock = Clock.systemUTC();
    verifier =
        new JwtVerifier(properties, new JwksKeys(clock), clock, (issuer, jti, expiresAt) -> true);
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID("k1").build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("client")
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(50))))
                .jwtID("bench")
                .build());
    jwt.sign(signer);
    token = jwt.serialize();
    verify();
  }

  @TearDown
  public void tearDown() {
    jwks.stop(0);
  }

  @Benchmark
  public Object verify() throws Unauthorized {
    return verifier.verify(token, AUDIENCE);
  }
}
