package org.nocturne.cdshooks.prefetch;

import com.github.benmanes.caffeine.cache.Cache;
import java.net.ConnectException;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.FhirAuthorization;
import org.nocturne.cdshooks.FhirUrls;
import org.nocturne.cdshooks.LimitedBody;
import org.nocturne.cdshooks.PrefetchValue;
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

  /**
   * @param cache results by server, query and token hash; {@code null} caches nothing
   */
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
      String expectedResourceType,
      CallBudget budget) {
    String base = fhirServer.endsWith("/") ? fhirServer : fhirServer + "/";
    String token = authorization == null ? null : authorization.accessToken();
    // without a cache (the app's fetches) not even the token's hash is kept
    String key =
        cache == null || alwaysFresh(relativeUrl) ? null : base + relativeUrl + "#" + sha256(token);
    JsonNode cached = key == null ? null : cache.getIfPresent(key);
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
    if (!FhirUrls.within(fhirServer, first.toString())) {
      return CompletableFuture.completedFuture(
          new PrefetchValue.Unavailable("the resolved query leaves the FHIR server's base URL"));
    }
    Fetch fetch = new Fetch(fhirServer, token, budget);
    return fetch
        .get(first)
        .thenCompose(
            resource ->
                expectedResourceType.equals("Bundle") && !asksForOne(relativeUrl)
                    ? fetch.pages(resource, new HashSet<>(Set.of(first.toString())), 1)
                    : CompletableFuture.completedFuture(resource))
        .<PrefetchValue>thenApply(
            resource -> accept(resource, expectedResourceType, key, asksForOne(relativeUrl)))
        .exceptionally(HttpFhirFetcher::failure);
  }

  /**
   * Queries the cache never answers: a patient's questionnaire answers change during a visit (a
   * questionnaire app writes them, then the EHR calls again), and cards built on the answers of a
   * minute ago would ask again for what the patient just gave.
   */
  static boolean alwaysFresh(String relativeUrl) {
    return relativeUrl.startsWith("QuestionnaireResponse?")
        || relativeUrl.startsWith("QuestionnaireResponse/");
  }

  /**
   * A search with {@code _count=1} (with {@code _sort}: the newest) wants one result: its next link
   * is expected and not followed.
   */
  static boolean asksForOne(String relativeUrl) {
    int query = relativeUrl.indexOf('?');
    if (query < 0) {
      return false;
    }
    for (String parameter : relativeUrl.substring(query + 1).split("&")) {
      if (parameter.equals("_count=1")) {
        return true;
      }
    }
    return false;
  }

  private PrefetchValue accept(
      JsonNode resource, String expectedResourceType, String key, boolean single) {
    String type = resource.path("resourceType").asString("");
    if (!type.equals(expectedResourceType)) {
      return new PrefetchValue.Unavailable(
          "the FHIR server returned another resource type than " + expectedResourceType,
          PrefetchValue.Failure.BAD_ANSWER);
    }
    if (key != null && (nextLink(resource) == null || single)) {
      // a result cut short by the page or byte limit is not reused: the next call may get all
      cache.put(key, resource);
    }
    return new PrefetchValue.Data(resource, PrefetchValue.Origin.FETCHED);
  }

  /** The fetches of one key: the same server, token and call budget for every page. */
  private final class Fetch {
    private final String fhirServer;
    private final String token;
    private final CallBudget budget;

    Fetch(String fhirServer, String token, CallBudget budget) {
      this.fhirServer = fhirServer;
      this.token = token;
      this.budget = budget;
    }

    /**
     * Follows {@code next} links below the same base URL (HAPI's {@code ?_getpages=} links
     * included), merging the entries into the first page. Stops at the page cap, at a link
     * elsewhere, when the call's budget is spent or the call is over; the last {@code next} link
     * then stays in the Bundle, so the reader can say that later pages were not read.
     */
    CompletableFuture<JsonNode> pages(JsonNode bundle, Set<String> seen, int count) {
      String next = nextLink(bundle);
      if (next == null
          || count >= properties.maxPages()
          || budget.closed()
          || budget.exhausted()
          || !FhirUrls.within(fhirServer, next)
          || !seen.add(next)) {
        return CompletableFuture.completedFuture(bundle);
      }
      URI uri;
      try {
        uri = URI.create(next);
      } catch (IllegalArgumentException e) {
        return CompletableFuture.completedFuture(bundle);
      }
      return get(uri)
          .handle(
              (page, error) -> {
                if (error != null) {
                  // what was read stays; the next link says more exists
                  return CompletableFuture.completedFuture(bundle);
                }
                ObjectNode merged = (ObjectNode) bundle;
                ArrayNode entries =
                    merged.has("entry") && merged.get("entry").isArray()
                        ? (ArrayNode) merged.get("entry")
                        : merged.putArray("entry");
                page.path("entry").forEach(entries::add);
                merged.set("link", page.path("link"));
                return pages(merged, seen, count + 1);
              })
          .thenCompose(Function.identity());
    }

    CompletableFuture<JsonNode> get(URI uri) {
      if (budget.closed()) {
        return CompletableFuture.failedFuture(new LimitedBody.Cancelled());
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(properties.readTimeout())
              .header("Accept", "application/fhir+json")
              // a HAPI JPA server reuses an identical search for 60 s unless told not to: answers
              // the questionnaire app had just written were missed for a minute
              .header("Cache-Control", "no-cache")
              .GET();
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return budget
          .track(
              http.sendAsync(
                  request.build(), new LimitedBody(properties.maxResponseBytes(), budget)))
          .thenApply(
              response -> {
                if (response.statusCode() / 100 != 2) {
                  throw new FetchFailed(
                      "the FHIR server answered HTTP " + response.statusCode(),
                      failureOf(response.statusCode()));
                }
                try {
                  JsonNode json = CdsJson.readTree(response.body());
                  if (json == null || !json.isObject()) {
                    throw new FetchFailed(
                        "the FHIR server's answer is not a FHIR resource",
                        PrefetchValue.Failure.BAD_ANSWER);
                  }
                  return json;
                } catch (JacksonException e) {
                  throw new FetchFailed(
                      "the FHIR server's answer is not JSON", PrefetchValue.Failure.BAD_ANSWER);
                }
              });
    }
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

  /** Fixed phrases only: the reason reaches the card and the log. */
  private static PrefetchValue failure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      PrefetchValue.Unavailable known = known(cause);
      if (known != null) {
        return known;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return new PrefetchValue.Unavailable(
        "the FHIR server could not be reached", PrefetchValue.Failure.UNREACHABLE);
  }

  private static PrefetchValue.Unavailable known(Throwable cause) {
    if (cause instanceof FetchFailed failed) {
      return new PrefetchValue.Unavailable(failed.getMessage(), failed.failure);
    }
    if (cause instanceof LimitedBody.TooLarge) {
      return new PrefetchValue.Unavailable(
          "the FHIR server's answer is over the size limit", PrefetchValue.Failure.BAD_ANSWER);
    }
    if (cause instanceof LimitedBody.Cancelled || cause instanceof CancellationException) {
      return new PrefetchValue.Unavailable(
          "the call's time budget ended first", PrefetchValue.Failure.TIMEOUT);
    }
    if (cause instanceof HttpTimeoutException) {
      return new PrefetchValue.Unavailable(
          "the FHIR server did not answer in time", PrefetchValue.Failure.TIMEOUT);
    }
    if (cause instanceof ConnectException) {
      return new PrefetchValue.Unavailable(
          "the FHIR server refused the connection", PrefetchValue.Failure.UNREACHABLE);
    }
    return null;
  }

  private static PrefetchValue.Failure failureOf(int status) {
    return switch (status) {
      case 401 -> PrefetchValue.Failure.UNAUTHORIZED;
      case 403 -> PrefetchValue.Failure.FORBIDDEN;
      case 404, 410 -> PrefetchValue.Failure.NOT_FOUND;
      default -> PrefetchValue.Failure.BAD_ANSWER;
    };
  }

  /**
   * Percent-encodes what a URI may not contain raw (the {@code |} of {@code system|code} tokens,
   * spaces) and leaves FHIR's own delimiters ({@code ,} {@code &} {@code =} {@code :}) as they are.
   */
  static String escapeQuery(String relativeUrl) {
    return FhirUrls.percentEncode(relativeUrl, "-._~!$&'()*+,;=:@/?%");
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
    private final PrefetchValue.Failure failure;

    FetchFailed(String reason, PrefetchValue.Failure failure) {
      super(reason, null, false, false);
      this.failure = failure;
    }
  }
}
