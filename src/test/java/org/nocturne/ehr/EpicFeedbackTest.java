package org.nocturne.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.FeedbackStore;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Epic reports an override with {@code overrideReasons} (plural; an object or a list, with its own
 * extension keys, the reason often without display): the reason is recorded as 2.0's is.
 */
class EpicFeedbackTest extends LocalEhrTest {
  @Autowired FeedbackStore store;

  private String overrideWith(String reasons) {
    var call = EhrCalls.example("nocturnal-leg-pain", "cause-leg-cramps");
    call.put("hookInstance", UUID.randomUUID().toString()); // a card of its own
    JsonNode cards = post("nocturnal-leg-pain", call);
    String uuid = cards.path("cards").get(0).path("uuid").asString();
    var response =
        server.postJson(
            "/cds-services/nocturnal-leg-pain/feedback",
            """
            {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"2024-03-01T10:00:00Z",%s}]}"""
                .formatted(uuid, reasons));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return uuid;
  }

  private String recordedReason(String uuid) {
    return store.recent(50).stream()
        .filter(f -> f.card().equals(uuid))
        .findFirst()
        .orElseThrow(() -> new AssertionError(uuid + " not in " + store.recent(50)))
        .overrideReasonCode();
  }

  @Test
  void epicsOverrideReasonsListWithExtensionKeysAndNoDisplayIsRecorded() {
    String uuid =
        overrideWith(
            """
            "overrideReasons":[{"reason":{"system":"http://nocturne-cds.org/fhir/CodeSystem/override-reason",
              "code":"already-assessed"},
              "extension":{"com.epic.cdshooks.feedback.override-reason.comment":"seen by vascular"}}]""");

    assertThat(recordedReason(uuid)).isEqualTo("already-assessed");
  }

  @Test
  void epicsOverrideReasonsObjectIsRecorded() {
    String uuid =
        overrideWith(
            """
            "overrideReasons":{"reason":{"system":"http://nocturne-cds.org/fhir/CodeSystem/override-reason",
              "code":"patient-declined","display":"Patient declined"}}""");

    assertThat(recordedReason(uuid)).as(uuid + " " + store.recent(5)).isEqualTo("patient-declined");
  }
}
