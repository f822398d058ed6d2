package org.nocturne.cdshooks.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nocturne.cdshooks.LimitedBody;
import org.nocturne.cdshooks.Meters;

/**
 * The public keys of the trusted issuers, per JWKS URL: fetched on first use, kept for an hour, and
 * refetched when a token names an unknown {@code kid}, at most once a minute per URL, so a flood of
 * forged tokens cannot turn into a flood of requests to the EHR. One fetch per URL at a time:
 * callers arriving while it runs wait for it (at cold start they would otherwise all see "unknown
 * kid"). A failed fetch is retried after 1, 2, 4 … seconds, up to the minute, not refused for a
 * whole minute.
 */
final class JwksKeys {
  private static final Duration MAX_AGE = Duration.ofHours(1);
  private static final Duration MIN_REFRESH = Duration.ofMinutes(1);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final long MAX_BYTES = 1024 * 1024;

  private record Fetched(JWKSet keys, Instant at) {}

  /** The last fetch attempt of a URL and how many attempts in a row failed. */
  private record Attempt(Instant at, int failures) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, Fetched> byUrl = new ConcurrentHashMap<>();
  private final Map<String, Attempt> lastAttempt = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Clock clock;

  private final Counter failures;

  JwksKeys(Clock clock) {
    this(clock, new SimpleMeterRegistry());
  }

  JwksKeys(Clock clock, MeterRegistry meters) {
    this.clock = clock;
    // at zero from the start, so an alert on its increase sees the first failure
    this.failures = Meters.counter(meters, "nocturne.jwks.fetch.failures");
  }

  Optional<JWK> key(String jwksUrl, String kid) {
    Optional<JWK> known = fresh(jwksUrl, kid);
    if (known.isPresent()) {
      return known;
    }
    synchronized (locks.computeIfAbsent(jwksUrl, url -> new Object())) {
      // a fetch that finished while this caller waited may have brought the key
      known = fresh(jwksUrl, kid);
      if (known.isPresent()) {
        return known;
      }
      return refresh(jwksUrl).map(keys -> keys.getKeyByKeyId(kid));
    }
  }

  /**
   * Why a key was not found: its set was fetched and lacks the {@code kid}, or the set could not be
   * fetched at all (nothing known), or only the refetch failed.
   */
  String unknownKeyReason(String jwksUrl) {
    Attempt last = lastAttempt.get(jwksUrl);
    boolean failing = last != null && last.failures() > 0;
    if (!failing) {
      return "unknown kid";
    }
    return byUrl.containsKey(jwksUrl)
        ? "unknown kid (the JWKS could not be refetched)"
        : "the JWKS could not be fetched";
  }

  private Optional<JWK> fresh(String jwksUrl, String kid) {
    Fetched fetched = byUrl.get(jwksUrl);
    if (fetched == null || fetched.at().plus(MAX_AGE).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.ofNullable(fetched.keys().getKeyByKeyId(kid));
  }

  private Optional<JWKSet> known(String jwksUrl) {
    return Optional.ofNullable(byUrl.get(jwksUrl)).map(Fetched::keys);
  }

  private boolean mayFetch(String jwksUrl, Instant now) {
    Attempt last = lastAttempt.get(jwksUrl);
    if (last == null) {
      return true;
    }
    Duration wait =
        last.failures() == 0
            ? MIN_REFRESH
            : min(FIRST_RETRY.multipliedBy(1L << Math.min(6, last.failures() - 1)), MIN_REFRESH);
    return !last.at().plus(wait).isAfter(now);
  }

  private Optional<JWKSet> refresh(String jwksUrl) {
    Instant now = clock.instant();
    if (!mayFetch(jwksUrl, now)) {
      return known(jwksUrl);
    }
    int failures = Optional.ofNullable(lastAttempt.get(jwksUrl)).map(Attempt::failures).orElse(0);
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(jwksUrl))
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              new LimitedBody(MAX_BYTES));
      if (response.statusCode() != 200) {
        this.failures.increment();
        lastAttempt.put(jwksUrl, new Attempt(now, failures + 1));
        return known(jwksUrl);
      }
      JWKSet keys = JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
      byUrl.put(jwksUrl, new Fetched(keys, now));
      lastAttempt.put(jwksUrl, new Attempt(now, 0));
      return Optional.of(keys);
    } catch (IOException | ParseException | RuntimeException e) {
      this.failures.increment();
      lastAttempt.put(jwksUrl, new Attempt(now, failures + 1));
      return known(jwksUrl);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
