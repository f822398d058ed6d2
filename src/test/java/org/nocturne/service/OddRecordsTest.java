package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Records as real EHRs send them, half-filled or odd: never a 500, never a lost call. */
@LocalAppTest
class OddRecordsTest {
  private static final String CALL =
      """
      {"hook":"%s","hookInstance":"odd","context":{"userId":"Practitioner/u","patientId":"p1"%s},
       "prefetch":{"patient":{"resourceType":"Patient","id":"p1","birthDate":"3020-01-01"},
                   "conditions":{"resourceType":"Bundle","type":"searchset","entry":[%s]},
                   "observations":{"resourceType":"Bundle","type":"searchset","entry":[%s]},
                   "medications":{"resourceType":"Bundle","type":"searchset","entry":[%s]},
                   "questionnaireResponse":{"resourceType":"Bundle","type":"searchset","entry":[%s]}}}""";

  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}|{}|{}|{}",
        "{\"resource\":{\"resourceType\":\"Condition\"}}|{\"resource\":{\"resourceType\":\"Observation\"}}|{\"resource\":{\"resourceType\":\"MedicationRequest\"}}|{\"resource\":{\"resourceType\":\"QuestionnaireResponse\"}}",
        "{\"resource\":{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{}]},\"clinicalStatus\":{}}}|{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"ABI\"},\"valueQuantity\":{}}}|{\"resource\":{\"resourceType\":\"MedicationRequest\",\"status\":\"active\",\"medicationReference\":{}}}|{\"resource\":{\"resourceType\":\"QuestionnaireResponse\",\"questionnaire\":\"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain\",\"status\":\"completed\",\"item\":[{\"answer\":[{}]},{\"linkId\":\"onset\"},{\"linkId\":\"fever\",\"answer\":[{\"valueCoding\":{}}]}]}}",
        "{\"resource\":{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"\"}]},\"onsetDateTime\":\"not-a-date\"}}|{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2276-4\"}]},\"valueQuantity\":{\"value\":1e308,\"unit\":\"ng/mL\"},\"effectiveDateTime\":\"20\"}}|{\"resource\":{\"resourceType\":\"Medication\"}}|{\"resource\":{\"resourceType\":\"Patient\"}}"
      })
  void halfFilledResourcesAreAnsweredNotFailed(String entries) {
    String[] parts = entries.split("\\|");

    var view =
        server.postJson(
            "/cds-services/nocturnal-leg-pain",
            CALL.formatted("patient-view", "", parts[0], parts[1], parts[2], parts[3]));
    String drafts =
        ",\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{},{\"resource\":{\"resourceType\":\"ServiceRequest\"}},{\"resource\":{\"resourceType\":\"MedicationRequest\"}}]}";
    var sign =
        server.postJson(
            "/cds-services/nocturnal-leg-pain-order-sign",
            CALL.formatted("order-sign", drafts, parts[0], parts[1], parts[2], parts[3]));

    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    assertThat(sign.statusCode()).as(sign.body()).isEqualTo(200);
  }
}
