package org.nocturne.cdshooks.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsRequest;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.CdsService;
import org.nocturne.cdshooks.CdsServiceDescriptor;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.cdshooks.Prefetch;
import org.nocturne.cdshooks.PrefetchFailureMode;
import org.nocturne.cdshooks.PrefetchValue;
import org.nocturne.cdshooks.RegisteredService;

class PrefetchResolverTest {
  private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}";
  private static final String OUTCOME =
      "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"timeout\"}]}";

  private final List<String> fetched = new ArrayList<>();
  private final FhirFetcher recordingFetcher =
      (server, auth, url, type, budget) -> {
        fetched.add(server + " " + url + " " + type);
        return CompletableFuture.completedFuture(new PrefetchValue.Unavailable("test fetcher"));
      };
  private static final Caller EHR =
      new Caller("https://ehr.example", List.of("https://ehr.example/fhir"));

  private static RegisteredService service(Map<String, PrefetchFailureMode> modes) {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("patient", "Patient/{{context.patientId}}");
    templates.put("conditions", "Condition?patient={{context.patientId}}");
    var descriptor = new CdsServiceDescriptor("patient-view", "t", "d", "svc", templates, null);
    CdsService service =
        new CdsService() {
          public String id() {
            return "svc";
          }

          public Map<String, PrefetchFailureMode> failureModes() {
            return modes;
          }

          public CdsResponse call(HookCall call) {
            return CdsResponse.of(List.of());
          }
        };
    return RegisteredService.of(descriptor, service);
  }

  private static CdsRequest request(String fhirServer, String prefetchJson) {
    var context = CdsJson.mapper().readTree("{\"userId\":\"Practitioner/u\",\"patientId\":\"p1\"}");
    var prefetch = prefetchJson == null ? null : CdsJson.mapper().readTree(prefetchJson);
    return new CdsRequest("patient-view", "h1", fhirServer, null, context, prefetch);
  }

  private Prefetch resolve(
      String fhirServer, String prefetchJson, Map<String, PrefetchFailureMode> modes) {
    return new PrefetchResolver(recordingFetcher, Duration.ofSeconds(1))
        .resolve(request(fhirServer, prefetchJson), service(modes), EHR);
  }

  @Test
  void presentKeysAreUsedAsSentAndNeverFetched() {
    var prefetch =
        resolve(
            "https://ehr.example/fhir",
            "{\"patient\":"
                + PATIENT
                + ",\"conditions\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}}",
            Map.of());

    assertThat(prefetch.values().get("patient")).isInstanceOf(PrefetchValue.Data.class);
    assertThat(prefetch.data("conditions")).isPresent();
    assertThat(fetched).isEmpty();
  }

  @Test
  void nullMeansNoDataAndIsNeverRequeried() {
    var prefetch =
        resolve(
            "https://ehr.example/fhir",
            "{\"patient\":" + PATIENT + ",\"conditions\":null}",
            Map.of());

    assertThat(prefetch.values().get("conditions")).isInstanceOf(PrefetchValue.NoData.class);
    assertThat(prefetch.missingKeys()).isEmpty();
    assertThat(fetched).isEmpty();
  }

  @Test
  void anOperationOutcomeIsTheClientsFailedFetch() {
    var prefetch =
        resolve(null, "{\"patient\":" + PATIENT + ",\"conditions\":" + OUTCOME + "}", Map.of());

    assertThat(prefetch.values().get("conditions")).isInstanceOf(PrefetchValue.ClientError.class);
    assertThat(prefetch.missingKeys()).containsExactly("conditions");
  }

  @Test
  void aBundleOfOnlyOperationOutcomesIsAFailedFetch() {
    var bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
            + OUTCOME
            + "}]}";

    var prefetch =
        resolve(null, "{\"patient\":" + PATIENT + ",\"conditions\":" + bundle + "}", Map.of());

    assertThat(prefetch.values().get("conditions")).isInstanceOf(PrefetchValue.ClientError.class);
  }

  @Test
  void epicsEmptySearchIsNoResultsNotAFailedFetch() {
    var outcome =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"warning\",\"code\":\"processing\","
            + "\"details\":{\"text\":\"Resource request returns no results.\"}}]}";
    var byMode =
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
            + outcome
            + ",\"search\":{\"mode\":\"outcome\"}}]}";
    var byTotal =
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[{\"resource\":"
            + OUTCOME
            + "}]}";

    var prefetch =
        resolve(
            null,
            "{\"patient\":" + PATIENT + ",\"conditions\":" + byMode + "}",
            Map.of("conditions", PrefetchFailureMode.FAIL));
    var second =
        resolve(null, "{\"patient\":" + PATIENT + ",\"conditions\":" + byTotal + "}", Map.of());

    assertThat(prefetch.data("conditions")).isPresent();
    assertThat(prefetch.missingKeys()).isEmpty();
    assertThat(second.missingKeys()).isEmpty();
  }

  @Test
  void anOutcomeOfTheSearchThatReportsAnErrorIsStillAFailedFetch() {
    var bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
            + OUTCOME
            + ",\"search\":{\"mode\":\"outcome\"}}]}";

    var prefetch =
        resolve(null, "{\"patient\":" + PATIENT + ",\"conditions\":" + bundle + "}", Map.of());

    assertThat(prefetch.missingKeys()).containsExactly("conditions");
  }

  @Test
  void absentKeysAreFetchedFromTheFhirServerWithTheResolvedQuery() {
    var prefetch = resolve("https://ehr.example/fhir", "{\"patient\":" + PATIENT + "}", Map.of());

    assertThat(fetched).containsExactly("https://ehr.example/fhir Condition?patient=p1 Bundle");
    assertThat(prefetch.values().get("conditions")).isInstanceOf(PrefetchValue.Unavailable.class);
  }

  @Test
  void absentKeysWithoutAFhirServerAreUnavailable() {
    var prefetch = resolve(null, null, Map.of());

    assertThat(prefetch.missingKeys()).containsExactly("patient", "conditions");
    assertThat(fetched).isEmpty();
  }

  @Test
  void requiredDataThatCannotBeHadIsA412() {
    var required = Map.of("patient", PrefetchFailureMode.FAIL);

    assertThatThrownBy(() -> resolve(null, null, required))
        .isInstanceOfSatisfying(
            CdsHooksException.class, e -> assertThat(e.status()).isEqualTo(412));
    assertThatThrownBy(() -> resolve(null, "{\"patient\":null}", required))
        .isInstanceOfSatisfying(
            CdsHooksException.class, e -> assertThat(e.status()).isEqualTo(412));
    assertThatThrownBy(() -> resolve(null, "{\"patient\":" + OUTCOME + "}", required))
        .isInstanceOfSatisfying(
            CdsHooksException.class, e -> assertThat(e.status()).isEqualTo(412));
  }

  @Test
  void aKeyThatIsNotTheFhirDataAskedForIsUnavailableNotA400() {
    var prefetch =
        resolve(
            null,
            "{\"patient\":"
                + PATIENT
                + ",\"conditions\":{\"resourceType\":\"Smith-John-MRN-0042\"}}",
            Map.of());
    var notFhir = resolve(null, "{\"patient\":" + PATIENT + ",\"conditions\":[1,2]}", Map.of());

    assertThat(prefetch.missing())
        .containsExactly("conditions (the EHR sent another resource type than Bundle)");
    assertThat(notFhir.missing())
        .containsExactly("conditions (the EHR sent something that is not a FHIR resource)");
  }

  @Test
  void aPatientThatIsNotAPatientIsA412ThatDoesNotEchoIt() {
    var required = Map.of("patient", PrefetchFailureMode.FAIL);

    assertThatThrownBy(
            () ->
                resolve(null, "{\"patient\":{\"resourceType\":\"Smith-John-DOB-1950\"}}", required))
        .isInstanceOfSatisfying(
            CdsHooksException.class,
            e -> {
              assertThat(e.status()).isEqualTo(412);
              assertThat(e.getMessage()).doesNotContain("Smith");
            });
  }

  @Test
  void aFhirServerOffTheCallersAllowlistIsNeverContacted() {
    var prefetch =
        resolve("https://attacker.example/fhir", "{\"patient\":" + PATIENT + "}", Map.of());

    assertThat(fetched).isEmpty();
    assertThat(((PrefetchValue.Unavailable) prefetch.values().get("conditions")).reason())
        .contains("allowlist");
    assertThat(EHR.mayContact("https://ehr.example/fhirx")).isFalse();
    assertThat(EHR.mayContact("https://ehr.example/fhir/")).isTrue();
    assertThat(EHR.mayContact("http://ehr.example/fhir")).isFalse();
  }

  @Test
  void aFetchThatOutlastsTheBudgetIsUnavailableAndTheCallGoesOn() {
    FhirFetcher never = (server, auth, url, type, budget) -> new CompletableFuture<>();
    var resolver = new PrefetchResolver(never, Duration.ofMillis(50));

    var prefetch =
        resolver.resolve(
            request("https://ehr.example/fhir", "{\"patient\":" + PATIENT + "}"),
            service(Map.of()),
            EHR);

    assertThat(((PrefetchValue.Unavailable) prefetch.values().get("conditions")).reason())
        .contains("50 ms budget");
  }

  @Test
  void absentKeysAreFetchedAllAtOnce() {
    List<CompletableFuture<PrefetchValue>> started = new ArrayList<>();
    FhirFetcher parked =
        (server, auth, url, type, budget) -> {
          CompletableFuture<PrefetchValue> future = new CompletableFuture<>();
          started.add(future);
          return future;
        };
    var resolver = new PrefetchResolver(parked, Duration.ofMillis(20));

    resolver.resolve(request("https://ehr.example/fhir", null), service(Map.of()), EHR);

    assertThat(started).as("both keys were requested before any answered").hasSize(2);
  }
}
