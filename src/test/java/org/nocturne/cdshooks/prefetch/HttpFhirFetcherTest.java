package org.nocturne.cdshooks.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.StreamingForeverServer;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.FhirAuthorization;
import org.nocturne.cdshooks.PrefetchTemplate;
import org.nocturne.cdshooks.PrefetchValue;
import tools.jackson.databind.JsonNode;

/** The prefetch fallback against a misbehaving FHIR server: every fault is an unavailable key. */
class HttpFhirFetcherTest {
  private static final WireMockServer FHIR = new WireMockServer(options().dynamicPort());
  private static final FhirAuthorization TOKEN =
      new FhirAuthorization("token-a", "Bearer", 300, "patient/*.read", "nocturne", null);
  // generous: a loaded build machine once took over 3 s for the first answer (the timeout tests
  // build their own impatient fetcher)
  private static final PrefetchProperties PROPERTIES =
      new PrefetchProperties(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(15),
          3,
          20_000L,
          Duration.ofSeconds(60),
          100L,
          List.of());

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private Cache<String, JsonNode> cache;
  private HttpFhirFetcher fetcher;

  @BeforeAll
  static void start() {
    FHIR.start();
  }

  @AfterAll
  static void stop() {
    FHIR.stop();
  }

  @BeforeEach
  void reset() {
    FHIR.resetAll();
    cache =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(60))
            .ticker(ticker)
            .recordStats()
            .build();
    fetcher = new HttpFhirFetcher(PROPERTIES, cache);
  }

  private String base() {
    return FHIR.baseUrl() + "/fhir";
  }

  private PrefetchValue fetch(String url, String type) {
    return fetcher.fetch(base(), TOKEN, url, type).join();
  }

  private static String reason(PrefetchValue value) {
    assertThat(value).isInstanceOf(PrefetchValue.Unavailable.class);
    return ((PrefetchValue.Unavailable) value).reason();
  }

  @Test
  void aReadIsFetchedWithTheEhrsBearerToken() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/p1"))
            .willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));

    var value = fetch("Patient/p1", "Patient");

    assertThat(value).isInstanceOf(PrefetchValue.Data.class);
    FHIR.verify(
        getRequestedFor(urlPathEqualTo("/fhir/Patient/p1"))
            .withHeader("Authorization", equalTo("Bearer token-a")));
  }

  @Test
  void searchesAskForAFreshAnswerNotTheServersCachedSearch() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/QuestionnaireResponse"))
            .willReturn(okJson("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));

    fetch("QuestionnaireResponse?patient=p1", "Bundle");

    FHIR.verify(
        getRequestedFor(urlPathEqualTo("/fhir/QuestionnaireResponse"))
            .withHeader("Cache-Control", equalTo("no-cache")));
  }

  /**
   * A server that ignores {@code _sort} (but honours {@code _count}) answers {@code _count=1} with
   * an arbitrary response, here one 200 days old: the template must not ask for one.
   */
  @Test
  void theQuestionnaireTemplateDoesNotLeaveTheNewestAnswersToTheServersSort() throws Exception {
    String old =
        "{\"resource\":{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"old\",\"authored\":\"2026-05-01\"}}";
    String recent =
        "{\"resource\":{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"new\",\"authored\":\"2026-11-20\"}}";
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/QuestionnaireResponse"))
            .withQueryParam("_count", equalTo("1"))
            .willReturn(
                okJson(
                    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                        + old
                        + "]}")));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/QuestionnaireResponse"))
            .withQueryParam("_count", WireMock.notMatching("1"))
            .willReturn(
                okJson(
                    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                        + old
                        + ","
                        + recent
                        + "]}")));
    JsonNode discovery =
        CdsJson.mapper().readTree(Files.readString(Path.of("hooks/discovery.json")));
    PrefetchTemplate template =
        PrefetchTemplate.parse(
            discovery
                .path("services")
                .get(0)
                .path("prefetch")
                .path("questionnaireResponse")
                .asString());
    String url =
        template.resolve(CdsJson.mapper().readTree("{\"patientId\":\"p1\"}")).orElseThrow();

    var value = fetch(url, "Bundle");

    assertThat(((PrefetchValue.Data) value).resource().path("entry").findValuesAsString("id"))
        .contains("new");
  }

  @Test
  void aSlowServerTimesOut() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/p1"))
            .willReturn(okJson("{\"resourceType\":\"Patient\"}").withFixedDelay(1500)));

    var impatient =
        new HttpFhirFetcher(
            new PrefetchProperties(
                Duration.ofSeconds(2),
                Duration.ofMillis(300),
                Duration.ofSeconds(5),
                3,
                20_000L,
                Duration.ofSeconds(60),
                100L,
                List.of()),
            cache);

    assertThat(reason(impatient.fetch(base(), TOKEN, "Patient/p1", "Patient").join()))
        .contains("did not answer in time");
  }

  @Test
  void errorStatusesAreUnavailable() {
    FHIR.stubFor(get(urlPathEqualTo("/fhir/Patient/500")).willReturn(aResponse().withStatus(500)));
    FHIR.stubFor(get(urlPathEqualTo("/fhir/Patient/401")).willReturn(aResponse().withStatus(401)));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/302"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "http://169.254.169.254/latest")));

    assertThat(reason(fetch("Patient/500", "Patient"))).contains("HTTP 500");
    assertThat(reason(fetch("Patient/401", "Patient"))).contains("HTTP 401");
    assertThat(reason(fetch("Patient/302", "Patient")))
        .as("redirects are never followed")
        .contains("HTTP 302");
  }

  @Test
  void eachFailureSaysWhatKindItIs() {
    for (int status : new int[] {401, 403, 404, 500}) {
      FHIR.stubFor(
          get(urlPathEqualTo("/fhir/Patient/" + status))
              .willReturn(aResponse().withStatus(status)));
    }

    assertThat(failure(fetch("Patient/401", "Patient")))
        .isEqualTo(PrefetchValue.Failure.UNAUTHORIZED);
    assertThat(failure(fetch("Patient/403", "Patient"))).isEqualTo(PrefetchValue.Failure.FORBIDDEN);
    assertThat(failure(fetch("Patient/404", "Patient"))).isEqualTo(PrefetchValue.Failure.NOT_FOUND);
    assertThat(failure(fetch("Patient/500", "Patient")))
        .isEqualTo(PrefetchValue.Failure.BAD_ANSWER);
    assertThat(
            failure(
                fetcher.fetch("http://127.0.0.1:1/fhir", TOKEN, "Patient/p1", "Patient").join()))
        .isEqualTo(PrefetchValue.Failure.UNREACHABLE);
  }

  @Test
  void withoutACacheEveryFetchGoesToTheServerAndNothingIsKept() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/p1"))
            .willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
    var uncached = new HttpFhirFetcher(PROPERTIES, null);

    uncached.fetch(base(), TOKEN, "Patient/p1", "Patient").join();
    var second = uncached.fetch(base(), TOKEN, "Patient/p1", "Patient").join();

    assertThat(((PrefetchValue.Data) second).origin()).isEqualTo(PrefetchValue.Origin.FETCHED);
    FHIR.verify(2, getRequestedFor(urlPathEqualTo("/fhir/Patient/p1")));
    assertThat(cache.estimatedSize()).isZero();
  }

  private static PrefetchValue.Failure failure(PrefetchValue value) {
    assertThat(value).isInstanceOf(PrefetchValue.Unavailable.class);
    return ((PrefetchValue.Unavailable) value).failure();
  }

  @Test
  void garbageAndTheWrongResourceTypeAreUnavailable() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/garbage"))
            .willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/wrong"))
            .willReturn(okJson("{\"resourceType\":\"Observation\"}")));
    FHIR.stubFor(get(urlPathEqualTo("/fhir/Patient/array")).willReturn(okJson("[1,2,3]")));

    assertThat(reason(fetch("Patient/garbage", "Patient"))).contains("not JSON");
    assertThat(reason(fetch("Patient/wrong", "Patient")))
        .contains("another resource type than Patient");
    assertThat(reason(fetch("Patient/array", "Patient"))).contains("not a FHIR resource");
  }

  @Test
  void aHugeBundleIsRefusedAtTheSizeLimit() {
    String huge =
        "{\"resourceType\":\"Bundle\",\"entry\":["
            + "{\"resource\":{\"resourceType\":\"Condition\"}},".repeat(2000)
            + "{}]}";
    FHIR.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(huge)));

    assertThat(reason(fetch("Condition?patient=p1", "Bundle"))).contains("size limit");
  }

  @Test
  void nextPagesAreFollowedAndMergedButALoopStops() {
    String page1 = page("page1", base() + "/Condition?page=2");
    String page2 = page("page2", base() + "/Condition?page=1-again");
    String again = page("again", base() + "/Condition?page=2");
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .withQueryParam("patient", equalTo("p1"))
            .willReturn(okJson(page1)));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson(page2)));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .withQueryParam("page", equalTo("1-again"))
            .willReturn(okJson(again)));

    var value = (PrefetchValue.Data) fetch("Condition?patient=p1", "Bundle");

    assertThat(value.resource().get("entry"))
        .extracting(e -> e.get("resource").get("id").asString())
        .containsExactly("page1", "page2", "again");
  }

  @Test
  void aNextLinkToAnotherServerIsNotFollowed() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .willReturn(okJson(page("only", "https://elsewhere.example/fhir/Condition?page=2"))));

    var value = (PrefetchValue.Data) fetch("Condition?patient=p1", "Bundle");

    assertThat(value.resource().get("entry")).hasSize(1);
  }

  @Test
  void resultsAreCachedPerTokenAndExpire() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Patient/p1"))
            .willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
    FhirAuthorization otherUser =
        new FhirAuthorization("token-b", "Bearer", 300, "patient/*.read", "nocturne", null);

    fetch("Patient/p1", "Patient");
    var second = fetch("Patient/p1", "Patient");
    fetcher.fetch(base(), otherUser, "Patient/p1", "Patient").join();
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    fetch("Patient/p1", "Patient");

    assertThat(((PrefetchValue.Data) second).origin()).isEqualTo(PrefetchValue.Origin.CACHED);
    FHIR.verify(3, getRequestedFor(urlPathEqualTo("/fhir/Patient/p1")));
    assertThat(cache.stats().hitCount()).isEqualTo(1);
  }

  @Test
  void questionnaireAnswersAreNeverServedFromTheCache() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/QuestionnaireResponse"))
            .willReturn(okJson("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));

    fetch("QuestionnaireResponse?patient=p1&status=completed", "Bundle");
    var second = fetch("QuestionnaireResponse?patient=p1&status=completed", "Bundle");

    assertThat(((PrefetchValue.Data) second).origin()).isEqualTo(PrefetchValue.Origin.FETCHED);
    FHIR.verify(2, getRequestedFor(urlPathEqualTo("/fhir/QuestionnaireResponse")));
    assertThat(cache.estimatedSize()).isZero();
  }

  private static String page(String id, String next) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\""
        + next
        + "\"}],"
        + "\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"id\":\""
        + id
        + "\"}}]}";
  }

  @Test
  void aTokenSearchWithSystemAndCodeIsEscapedOnTheWire() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Observation"))
            .withQueryParam("code", equalTo("http://loinc.org|4548-4,http://loinc.org|2276-4"))
            .willReturn(okJson("{\"resourceType\":\"Bundle\"}")));

    var value =
        fetch(
            "Observation?patient=p1&code=http://loinc.org|4548-4,http://loinc.org|2276-4&_sort=-date",
            "Bundle");

    assertThat(value).isInstanceOf(PrefetchValue.Data.class);
    assertThat(HttpFhirFetcher.escapeQuery("a?code=s|c d")).isEqualTo("a?code=s%7Cc%20d");
  }

  @Test
  void hapisGetpagesLinksOnTheBaseUrlAreFollowed() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .willReturn(
                okJson(page("first", base() + "?_getpages=abc&_getpagesoffset=1&_count=1"))));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir"))
            .withQueryParam("_getpages", equalTo("abc"))
            .willReturn(
                okJson(
                    "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"second\"}}]}")));

    var value = (PrefetchValue.Data) fetch("Condition?patient=p1", "Bundle");

    assertThat(value.resource().get("entry"))
        .extracting(e -> e.get("resource").get("id").asString())
        .containsExactly("first", "second");
  }

  @Test
  void nextLinksThatLeaveTheBasePathAreNeverFollowed() {
    FHIR.stubFor(get(urlPathEqualTo("/admin/secret")).willReturn(okJson("{}")));
    for (String next :
        List.of(
            base() + "/../admin/secret",
            base() + "/%2e%2e/admin/secret",
            base() + "/%2E%2E/admin/secret",
            base() + "/Condition/..%2f..%2fadmin",
            FHIR.baseUrl() + "/admin/secret",
            base() + "x/Condition",
            "http://user@" + FHIR.baseUrl().substring(7) + "/fhir/Condition?page=2")) {
      FHIR.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(page("only", next))));

      var value =
          (PrefetchValue.Data) fetch("Condition?patient=" + Math.abs(next.hashCode()), "Bundle");

      assertThat(value.resource().get("entry")).as(next).hasSize(1);
    }
    FHIR.verify(0, getRequestedFor(urlPathEqualTo("/admin/secret")));
    assertThat(FHIR.findAll(getRequestedFor(WireMock.anyUrl())))
        .allMatch(r -> r.getUrl().startsWith("/fhir/Condition?patient="));
  }

  @Test
  void oneByteBudgetCoversEveryPageOfEveryKeyOfACall() {
    String filler = "x".repeat(3_000);
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .withQueryParam("patient", equalTo("p1"))
            .willReturn(
                okJson(
                    page("c1", base() + "/Condition?page=2")
                        .replace("\"c1\"", "\"c1\",\"note\":\"" + filler + "\""))));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                okJson(
                    page("c2", base() + "/Condition?page=3")
                        .replace("\"c2\"", "\"c2\",\"note\":\"" + filler + "\""))));
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Observation"))
            .willReturn(
                okJson(
                    page("o1", base() + "/Observation?page=2")
                        .replace("\"o1\"", "\"o1\",\"note\":\"" + filler + "\""))));
    CallBudget budget = new CallBudget(5_000);

    var conditions =
        (PrefetchValue.Data)
            fetcher.fetch(base(), TOKEN, "Condition?patient=p1", "Bundle", budget).join();
    var observations =
        fetcher.fetch(base(), TOKEN, "Observation?patient=p1", "Bundle", budget).join();

    assertThat(conditions.resource().get("entry"))
        .as("page 1 fits; page 2 is cut at the budget, and its next link stays to say so")
        .hasSize(1);
    assertThat(conditions.resource().get("link").get(0).get("url").asString()).endsWith("page=2");
    assertThat(reason(observations)).as("the call's budget is spent").contains("size limit");
  }

  @Test
  void aServerThatStreamsForeverIsCutAtTheLimitAndTheConnectionDropped() throws Exception {
    try (var forever = new StreamingForeverServer()) {
      var value =
          Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  fetcher.fetch(forever.baseUrl(), TOKEN, "Condition?patient=p1", "Bundle").join());

      assertThat(reason(value)).contains("size limit");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(forever.dropped()).isEqualTo(1));
      long sent = forever.bytesSent();
      Thread.sleep(300);
      assertThat(forever.bytesSent()).as("nothing more is read").isEqualTo(sent);
    }
  }

  @Test
  void endingTheCallCancelsItsFetchesAtOnce() {
    FHIR.stubFor(
        get(urlPathEqualTo("/fhir/Condition"))
            .willReturn(okJson(page("slow", base() + "/Condition?page=2")).withFixedDelay(2_500)));
    CallBudget budget = new CallBudget(1_000_000);
    var pending = fetcher.fetch(base(), TOKEN, "Condition?patient=p1", "Bundle", budget);

    budget.close();

    var value = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2), () -> pending.join());
    assertThat(reason(value)).contains("time budget ended first");
  }
}
