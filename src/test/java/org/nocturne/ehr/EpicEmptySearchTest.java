package org.nocturne.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Epic answers a search that finds nothing with a searchset of {@code total: 0} and one
 * OperationOutcome ({@code search.mode: outcome}, "Resource request returns no results"): the cards
 * are those of an empty Bundle, never "could not be read".
 */
class EpicEmptySearchTest extends LocalEhrTest {
  private String cards(ObjectNode call) {
    var response = server.postJson("/cds-services/nocturnal-leg-pain", call.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void epicsEmptySearchesGiveTheCardsOfEmptyBundles() {
    ObjectNode epic = EhrCalls.example("nocturnal-leg-pain", "cause-leg-cramps");
    ObjectNode empty = epic.deepCopy();
    ObjectNode epicPrefetch = (ObjectNode) epic.path("prefetch");
    ObjectNode emptyPrefetch = (ObjectNode) empty.path("prefetch");
    for (String key : new String[] {"conditions", "medications"}) {
      epicPrefetch.set(key, EhrCalls.epicEmptySearch());
      emptyPrefetch.set(
          key, EhrCalls.json("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}"));
    }

    String fromEpic = cards(epic);

    assertThat(fromEpic).doesNotContain("could not be read");
    assertThat(EhrCalls.json(fromEpic)).isEqualTo(EhrCalls.json(cards(empty)));
  }
}
