package org.nocturne.dev;

import com.nimbusds.jose.JOSEException;
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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A stand-in EHR for trying the production mode on a workstation: a fresh EC P-384 key, its JWKS
 * served on loopback, and ES384 tokens minted on request for the exact URL you will call (the
 * {@code aud}). Never for real use: anyone on the machine can mint tokens.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@dev-issuer                      # port 8090
 * curl -s 'http://127.0.0.1:8090/token?aud=http://localhost:8080/cds-services'
 * </pre>
 *
 * docs/production.md, "Trying the production mode on a workstation", walks through it with curl.
 */
public final class DevIssuer implements AutoCloseable {
  private final ECKey key;
  private final HttpServer server;

  public DevIssuer(int port) throws IOException, JOSEException {
    this.key = new ECKeyGenerator(Curve.P_384).keyID("dev-" + UUID.randomUUID()).generate();
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/.well-known/jwks.json", this::jwks);
    server.createContext("/token", this::token);
    server.start();
  }

  /** The issuer URL ({@code iss}), also the base of the JWKS address. */
  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String jwksUri() {
    return issuer() + "/.well-known/jwks.json";
  }

  /** A token for one call of {@code audience}, valid five minutes, with a fresh {@code jti}. */
  public String mint(String audience) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private void jwks(HttpExchange exchange) throws IOException {
    answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
  }

  private void token(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null || !query.startsWith("aud=")) {
      answer(exchange, 400, "text/plain", "usage: /token?aud=<the exact URL you will call>\n");
      return;
    }
    try {
      String audience = URLDecoder.decode(query.substring(4), StandardCharsets.UTF_8);
      answer(exchange, 200, "text/plain", mint(audience));
    } catch (JOSEException e) {
      answer(exchange, 500, "text/plain", "signing failed\n");
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    DevIssuer issuer = new DevIssuer(port);
    System.out.printf(
        """
        Dev issuer (ES384, key %s) on %s. Start the service in production mode
        with the database of docs/production.md (or --nocturne.state=memory in place of the
        three spring.datasource arguments):

          java -jar target/nocturne-cds-0.1.0-SNAPSHOT.jar --server.address=127.0.0.1 \\
            --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/nocturne \\
            --spring.datasource.username=nocturne --spring.datasource.password=nocturne-trial \\
            --nocturne.security.public-base-url=http://localhost:8080 \\
            --nocturne.security.trusted-issuers[0].issuer=%s \\
            --nocturne.security.trusted-issuers[0].jwks-uri=%s

        A token for one call (aud = the exact URL called; a token is good for one call):

          curl -s '%s/token?aud=http://localhost:8080/cds-services'

        Ctrl-C stops it.
        """,
        issuer.key.getKeyID(), issuer.issuer(), issuer.issuer(), issuer.jwksUri(), issuer.issuer());
    Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
    Thread.currentThread().join();
  }
}
