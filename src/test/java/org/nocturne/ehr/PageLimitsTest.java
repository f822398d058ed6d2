package org.nocturne.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record cut short by a page limit (the EHR prefetched the first page only): the order card says
 * what was not read, as the patient-view cards do.
 */
class PageLimitsTest extends LocalEhrTest {
  @Test
  void anOrderCardSaysWhichPartOfTheRecordWasNotRead() {
    ObjectNode call =
        EhrCalls.example("nocturnal-leg-pain-order-sign", "order-safety-quinine-for-leg-cramps");
    ObjectNode conditions = (ObjectNode) call.path("prefetch").path("conditions");
    conditions.put("total", 240);
    conditions
        .putArray("link")
        .addObject()
        .put("relation", "next")
        .put("url", "https://ehr.example.org/fhir/Condition?patient=pat-quinine&page=2");

    JsonNode cards = post("nocturnal-leg-pain-order-sign", call).path("cards");

    assertThat(cards.get(0).path("indicator").asString()).isEqualTo("critical");
    assertThat(cards.findValuesAsString("detail"))
        .anySatisfy(
            detail ->
                assertThat(detail)
                    .contains("Not read from the record")
                    .contains("conditions beyond the first")
                    .hasSizeLessThanOrEqualTo(700));
  }
}
