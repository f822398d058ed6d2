package org.nocturne.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Epic names every drug by {@code medicationReference}: in the prefetched list (an absolute
 * reference with a display, no Medication) and, since 2024, in {@code draftOrders} with the
 * Medication as another entry of the Bundle; its unsigned orders carry ids of ~190 characters.
 */
class EpicMedicationsTest extends LocalEhrTest {
  private static final String SIGN = "nocturnal-leg-pain-order-sign";

  /** The quinine example as Epic 2024 sends it: the drug is a Medication entry of draftOrders. */
  private static ObjectNode epic2024Quinine(String orderId) {
    ObjectNode call = EhrCalls.example(SIGN, "order-safety-quinine-for-leg-cramps");
    ObjectNode drafts = (ObjectNode) call.path("context").path("draftOrders");
    ObjectNode order = (ObjectNode) drafts.path("entry").get(0).path("resource");
    JsonNode coded = order.remove("medicationCodeableConcept");
    order.put("id", orderId);
    ObjectNode reference = order.putObject("medicationReference");
    reference.put("reference", "Medication/eQuinine.3");
    reference.put("display", "QUININE SULFATE 324 MG PO CAPS");
    ObjectNode medication =
        ((ArrayNode) drafts.path("entry"))
            .addObject()
            .put("fullUrl", EhrCalls.EPIC_FHIR + "/Medication/eQuinine.3")
            .putObject("resource");
    medication.put("resourceType", "Medication");
    medication.put("id", "eQuinine.3");
    medication.set("code", coded);
    return call;
  }

  private static JsonNode critical(JsonNode response) {
    for (JsonNode card : response.path("cards")) {
      if (card.path("indicator").asString().equals("critical")) {
        return card;
      }
    }
    throw new AssertionError("no critical card in " + response);
  }

  @Test
  void quinineNamedByAMedicationEntryOfDraftOrdersGetsTheCriticalCardAndItsRemoveSuggestion() {
    JsonNode card = critical(post(SIGN, epic2024Quinine(EhrCalls.EPIC_ORDER_ID)));

    assertThat(card.path("suggestions").get(0).path("actions"))
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.path("type").asString()).isEqualTo("delete");
              assertThat(action.path("resourceId").asString())
                  .isEqualTo("MedicationRequest/" + EhrCalls.EPIC_ORDER_ID);
            });
    assertThat(card.path("detail").asString()).doesNotContain("only by name");
  }

  @Test
  void orderSelectAcceptsEpicsLongOrderIdInSelections() {
    ObjectNode call = epic2024Quinine(EhrCalls.EPIC_ORDER_ID);
    call.put("hook", "order-select");
    ((ObjectNode) call.path("context"))
        .putArray("selections")
        .add("MedicationRequest/" + EhrCalls.EPIC_ORDER_ID);

    JsonNode card = critical(post("nocturnal-leg-pain-order-select", call));

    assertThat(card.path("suggestions")).isNotEmpty();
  }

  @Test
  void quinineKnownOnlyByTheReferencesDisplayIsFlaggedAndTheCardSaysSo() {
    ObjectNode call = epic2024Quinine("eShort1");
    ((ArrayNode) call.path("context").path("draftOrders").path("entry")).remove(1);

    JsonNode card = critical(post(SIGN, call));

    assertThat(card.path("detail").asString()).contains("only by name");
  }

  @Test
  void clopidogrelAndAtorvastatinByReferenceAreOnTheListSoNeitherIsRecommended() {
    ObjectNode call = EhrCalls.example("nocturnal-leg-pain", "cause-peripheral-artery-disease");
    ((ObjectNode) call.path("prefetch"))
        .set(
            "medications",
            EhrCalls.epicMedicationList("clopidogrel 75 MG tablet", "atorvastatin 80 MG tablet"));

    String cards = post("nocturnal-leg-pain", call).toString();

    assertThat(cards).contains("Peripheral").doesNotContain("Start a high-intensity statin");
    assertThat(cards).doesNotContain("Start an antiplatelet");
  }
}
