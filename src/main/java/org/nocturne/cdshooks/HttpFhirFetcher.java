package org.nocturne.cdshooks;

import com.github.benmanes.caffeine.cache.Cache;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches a prefetch template from the EHR's FHIR server with the EHR's bearer token: bounded in
 * time and size, no redirects (they could leave the allowlist), {@code next} pages followed on the
 * same server up to a cap, and results cached per server, query and token hash so no user ever sees
 * data fetched with another user's token.
 */
final class HttpFhirFetcher implements FhirFetcher {
  private final HttpClient http;
  private final PrefetchProperties properties;
  private final Cache<String, JsonNode> cache;

  HttpFhirFetcher(PrefetchProperties properties, Cache<String, JsonNode> cache) {
    this.properties = properties;
    this.cache = cache;
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1: no h2c upgrade round trip on plain http, and every FHIR server speaks it
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public CompletableFuture<PrefetchValue> fetch(
      String fhirServer,
      FhirAuthorization authorization,
      String relativeUrl,
      String expectedResourceType) {
    String base = fhirServer.endsWith("/") ? fhirServer : fhirServer + "/";
    String token = authorization == null ? null : authorization.accessToken();
    String key = base + relativeUrl + "#" + sha256(token);
    JsonNode cached = cache.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(
          new PrefetchValue.Data(cached, PrefetchValue.Origin.CACHED));
    }
    URI first;
    try {
      first = URI.create(base + escapeQuery(relativeUrl));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new PrefetchValue.Unavailable("the resolved query is not a valid URL"));
    }
    return get(first, token)
        .thenCompose(
            resource ->
                expectedResourceType.equals("Bundle")
                    ? pages(resource, base, token, new HashSet<>(Set.of(first.toString())), 1)
                    : CompletableFuture.completedFuture(resource))
        .<PrefetchValue>thenApply(resource -> accept(resource, expectedResourceType, key))
        .exceptionally(HttpFhirFetcher::failure);
  }

  private PrefetchValue accept(JsonNode resource, String expectedResourceType, String key) {
    String type = resource.path("resourceType").asString("");
    if (!type.equals(expectedResourceType)) {
      return new PrefetchValue.Unavailable(
          "the FHIR server returned a "
              + CdsHooksException.safe(type)
              + ", not a "
              + expectedResourceType);
    }
    cache.put(key, resource);
    return new PrefetchValue.Data(resource, PrefetchValue.Origin.FETCHED);
  }

  /** Follows {@code next} links on the same server, merging the entries into the first page. */
  private CompletableFuture<JsonNode> pages(
      JsonNode bundle, String base, String token, Set<String> seen, int count) {
    String next = nextLink(bundle);
    if (next == null
        || count >= properties.maxPages()
        || !next.startsWith(base)
        || !seen.add(next)) {
      return CompletableFuture.completedFuture(bundle);
    }
    return get(URI.create(next), token)
        .thenCompose(
            page -> {
              ObjectNode merged = (ObjectNode) bundle;
              ArrayNode entries =
                  merged.has("entry") && merged.get("entry").isArray()
                      ? (ArrayNode) merged.get("entry")
                      : merged.putArray("entry");
              page.path("entry").forEach(entries::add);
              merged.set("link", page.path("link"));
              return pages(merged, base, token, seen, count + 1);
            });
  }

  private CompletableFuture<JsonNode> get(URI uri, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(properties.readTimeout())
            .header("Accept", "application/fhir+json")
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.sendAsync(request.build(), new LimitedBody(properties.maxResponseBytes()))
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw new FetchFailed("the FHIR server answered HTTP " + response.statusCode());
              }
              try {
                JsonNode json = CdsJson.mapper().readTree(response.body());
                if (!json.isObject()) {
                  throw new FetchFailed("the FHIR server's answer is not a FHIR resource");
                }
                return json;
              } catch (JacksonException e) {
                throw new FetchFailed("the FHIR server's answer is not JSON");
              }
            });
  }

  private static String nextLink(JsonNode bundle) {
    for (JsonNode link : bundle.path("link")) {
      if ("next".equals(link.path("relation").asString(""))) {
        String url = link.path("url").asString("");
        return url.isEmpty() ? null : url;
      }
    }
    return null;
  }

  private static PrefetchValue failure(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof FetchFailed failed) {
      return new PrefetchValue.Unavailable(failed.getMessage());
    }
    if (cause instanceof LimitedBody.TooLarge) {
      return new PrefetchValue.Unavailable("the FHIR server's answer is over the size limit");
    }
    if (cause instanceof HttpTimeoutException) {
      return new PrefetchValue.Unavailable("the FHIR server did not answer in time");
    }
    return new PrefetchValue.Unavailable(
        "the FHIR server could not be reached (" + cause.getClass().getSimpleName() + ")");
  }

  /**
   * Percent-encodes what a URI may not contain raw (the {@code |} of {@code system|code} tokens,
   * spaces) and leaves FHIR's own delimiters ({@code ,} {@code &} {@code =} {@code :}) as they are.
   */
  static String escapeQuery(String relativeUrl) {
    StringBuilder out = new StringBuilder(relativeUrl.length() + 16);
    for (byte b : relativeUrl.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0;
      if (allowed) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  static String sha256(String token) {
    if (token == null) {
      return "-";
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A failed fetch with a reason fit for logs: no URL, no token, no content. */
  private static final class FetchFailed extends RuntimeException {
    FetchFailed(String reason) {
      super(reason, null, false, false);
    }
  }
}
