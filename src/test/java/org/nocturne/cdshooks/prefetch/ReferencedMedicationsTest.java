package org.nocturne.cdshooks.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.Caller;
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

/** Medications named by a reference nobody sent are fetched from fhirServer by id (issue 25). */
class ReferencedMedicationsTest {
  private static final String FHIR = "https://fhir.epic.example/api/FHIR/R4";
  private static final Caller EHR = new Caller("https://ehr.example", List.of(FHIR));

  private final List<String> fetched = new ArrayList<>();
  private final FhirFetcher fhirServer =
      (server, auth, url, type, budget) -> {
        fetched.add(url + " " + type);
        return CompletableFuture.completedFuture(
            new PrefetchValue.Data(
                CdsJson.mapper()
                    .readTree(
                        "{\"resourceType\":\"Medication\",\"id\":\""
                            + url.substring("Medication/".length())
                            + "\",\"code\":{\"text\":\"clopidogrel 75 mg\"}}"),
                PrefetchValue.Origin.FETCHED));
      };

  private static RegisteredService service() {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("medications", "MedicationRequest?patient={{context.patientId}}");
    var descriptor = new CdsServiceDescriptor("order-sign", "t", "d", "svc", templates, null);
    CdsService service =
        new CdsService() {
          public String id() {
            return "svc";
          }

          public Map<String, PrefetchFailureMode> failureModes() {
            return Map.of();
          }

          public CdsResponse call(HookCall call) {
            return CdsResponse.of(List.of());
          }
        };
    return RegisteredService.of(descriptor, service);
  }

  @Test
  void onlyReferencesToTheCallersFhirServerThatNoEntryHoldsAreFetchedEachOnce() {
    String medications =
        """
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"resource":{"resourceType":"MedicationRequest","id":"a","status":"active",
            "medicationReference":{"reference":"%1$s/Medication/eClop.1","display":"clopidogrel"}}},
          {"resource":{"resourceType":"MedicationRequest","id":"b","status":"active",
            "medicationReference":{"reference":"Medication/eClop.1"}}},
          {"resource":{"resourceType":"MedicationRequest","id":"c","status":"active",
            "medicationReference":{"reference":"Medication/here"}}},
          {"resource":{"resourceType":"Medication","id":"here"}},
          {"resource":{"resourceType":"MedicationRequest","id":"d","status":"active",
            "medicationReference":{"reference":"https://elsewhere.example/Medication/x"}}},
          {"resource":{"resourceType":"MedicationRequest","id":"e","status":"active",
            "medicationReference":{"reference":"Medication/../../admin"}}}
        ]}"""
            .formatted(FHIR);
    var context =
        CdsJson.mapper()
            .readTree(
                """
                {"userId":"Practitioner/u","patientId":"p1","draftOrders":{"resourceType":"Bundle","entry":[
                  {"resource":{"resourceType":"MedicationRequest","id":"d1","status":"draft",
                    "medicationReference":{"reference":"Medication/eStatin"}}}]}}""");
    var request =
        new CdsRequest(
            "order-sign",
            "h1",
            FHIR,
            null,
            context,
            CdsJson.mapper().readTree("{\"medications\":" + medications + "}"));

    Prefetch prefetch =
        new PrefetchResolver(fhirServer, Duration.ofSeconds(1)).resolve(request, service(), EHR);

    assertThat(fetched)
        .containsExactly("Medication/eClop.1 Medication", "Medication/eStatin Medication");
    assertThat(prefetch.referencedMedications())
        .extracting(m -> m.path("id").asString())
        .containsExactly("eClop.1", "eStatin");
  }

  @Test
  void withoutAFhirServerNothingIsFetched() {
    var request =
        new CdsRequest(
            "order-sign",
            "h1",
            null,
            null,
            CdsJson.mapper().readTree("{\"userId\":\"Practitioner/u\",\"patientId\":\"p1\"}"),
            CdsJson.mapper()
                .readTree(
                    "{\"medications\":{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"MedicationRequest\",\"medicationReference\":{\"reference\":\"Medication/m\"}}}]}}"));

    Prefetch prefetch =
        new PrefetchResolver(fhirServer, Duration.ofSeconds(1)).resolve(request, service(), EHR);

    assertThat(fetched).isEmpty();
    assertThat(prefetch.referencedMedications()).isEmpty();
  }
}
