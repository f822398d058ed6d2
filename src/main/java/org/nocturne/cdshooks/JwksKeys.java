package org.nocturne.cdshooks;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys of the trusted issuers, per JWKS URL: fetched on first use, kept for an hour, and
 * refetched when a token names an unknown {@code kid}, at most once a minute per URL, so a flood of
 * forged tokens cannot turn into a flood of requests to the EHR.
 */
final class JwksKeys {
  private static final Duration MAX_AGE = Duration.ofHours(1);
  private static final Duration MIN_REFRESH = Duration.ofMinutes(1);
  private static final long MAX_BYTES = 1024 * 1024;

  private record Fetched(JWKSet keys, Instant at) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, Fetched> byUrl = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastAttempt = new ConcurrentHashMap<>();
  private final Clock clock;

  JwksKeys(Clock clock) {
    this.clock = clock;
  }

  Optional<JWK> key(String jwksUrl, String kid) {
    Fetched fetched = byUrl.get(jwksUrl);
    boolean stale = fetched == null || fetched.at().plus(MAX_AGE).isBefore(clock.instant());
    if (!stale) {
      JWK key = fetched.keys().getKeyByKeyId(kid);
      if (key != null) {
        return Optional.of(key);
      }
    }
    return refresh(jwksUrl).map(keys -> keys.getKeyByKeyId(kid));
  }

  private Optional<JWKSet> refresh(String jwksUrl) {
    Instant now = clock.instant();
    Instant last = lastAttempt.get(jwksUrl);
    if (last != null && last.plus(MIN_REFRESH).isAfter(now)) {
      return Optional.ofNullable(byUrl.get(jwksUrl)).map(Fetched::keys);
    }
    lastAttempt.put(jwksUrl, now);
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(jwksUrl))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              new LimitedBody(MAX_BYTES));
      if (response.statusCode() != 200) {
        return Optional.ofNullable(byUrl.get(jwksUrl)).map(Fetched::keys);
      }
      JWKSet keys =
          JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      byUrl.put(jwksUrl, new Fetched(keys, now));
      return Optional.of(keys);
    } catch (java.io.IOException | java.text.ParseException | RuntimeException e) {
      return Optional.ofNullable(byUrl.get(jwksUrl)).map(Fetched::keys);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
