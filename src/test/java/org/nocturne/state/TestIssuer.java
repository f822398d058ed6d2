package org.nocturne.state;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** A trusted EHR for the state tests: an ES384 key, its JWKS served over HTTP, signed tokens. */
final class TestIssuer implements AutoCloseable {
  static final String ISSUER = "https://ehr.example.org";
  static final String BASE = "https://cds.example.org";

  private final ECKey key;
  private final HttpServer jwks;

  TestIssuer() {
    try {
      key = new ECKeyGenerator(Curve.P_384).keyID("ec-state").generate();
      jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    byte[] body =
        new JWKSet(List.of(key.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
  }

  /** Command-line arguments that make the service trust this issuer. */
  List<String> trustArguments() {
    return List.of(
        "--nocturne.security.jwt-required=true",
        "--nocturne.security.public-base-url=" + BASE,
        "--nocturne.security.trusted-issuers[0].issuer=" + ISSUER,
        "--nocturne.security.trusted-issuers[0].jwks-uri=http://127.0.0.1:"
            + jwks.getAddress().getPort()
            + "/jwks");
  }

  /** A fresh token for a call to {@code path}. */
  String token(String path) {
    return token(path, UUID.randomUUID().toString());
  }

  String token(String path, String jti) {
    Instant now = Instant.now();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES384)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.getKeyID())
                  .build(),
              new JWTClaimsSet.Builder()
                  .issuer(ISSUER)
                  .subject("ehr-client-7")
                  .audience(BASE + path)
                  .expirationTime(Date.from(now.plusSeconds(300)))
                  .issueTime(Date.from(now))
                  .jwtID(jti)
                  .build());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    jwks.stop(0);
  }
}
