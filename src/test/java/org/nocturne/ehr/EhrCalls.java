package org.nocturne.ehr;

import java.nio.file.Path;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract's example requests reshaped as each EHR sends them: the same patient, the vendor's
 * wire shape, so a difference in the cards is the dialect's alone.
 */
final class EhrCalls {
  static final String EPIC_FHIR = "https://fhir.epic.example/api/FHIR/R4";

  /** An order id as long as Epic's own examples (~190 characters, beyond FHIR's 64). */
  static final String EPIC_ORDER_ID =
      "eZMbeL7bqlHvBYgOcvbWgcbHWsmrRdk4tFh4-hP2lxYc" + "7G2q6xSLsIjVcA8v1Ev.6Hm3iV2C5hQ".repeat(5);

  private EhrCalls() {}

  /** An in-memory state of the test's own (the local profile's H2 file is shared). */
  static void ownState(DynamicPropertyRegistry registry, String name) {
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:"
                + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  static ObjectNode example(String service, String name) {
    return (ObjectNode)
        CdsJson.mapper()
            .readTree(LocalServer.read(Path.of("hooks", service, name + ".request.json")));
  }

  static JsonNode json(String text) {
    return CdsJson.mapper().readTree(text);
  }

  /**
   * Epic's prefetched medication list: each drug an absolute reference with a display, the
   * Medication not included.
   */
  static ObjectNode epicMedicationList(String... displays) {
    ObjectNode bundle = (ObjectNode) json("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}");
    bundle.put("total", displays.length);
    ArrayNode entries = bundle.putArray("entry");
    int n = 0;
    for (String display : displays) {
      n++;
      ObjectNode entry = entries.addObject();
      entry.put("fullUrl", EPIC_FHIR + "/MedicationRequest/eMedReq" + n + ".3");
      ObjectNode resource = entry.putObject("resource");
      resource.put("resourceType", "MedicationRequest");
      resource.put("id", "eMedReq" + n + ".3");
      resource.put("status", "active");
      resource.put("intent", "order");
      ObjectNode reference = resource.putObject("medicationReference");
      reference.put("reference", EPIC_FHIR + "/Medication/eMed" + n + ".3");
      reference.put("display", display);
      entry.putObject("search").put("mode", "match");
    }
    return bundle;
  }

  /** Epic's "no results": a searchset with total 0 and one OperationOutcome, mode outcome. */
  static JsonNode epicEmptySearch() {
    return json(
        """
        {"resourceType":"Bundle","type":"searchset","total":0,"link":[{"relation":"self",
          "url":"https://fhir.epic.example/api/FHIR/R4/Condition?patient=eP1"}],
         "entry":[{"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning",
           "code":"processing","details":{"coding":[{"system":"urn:oid:1.2.840.114350.1.13.0.1.7.2.657369",
           "code":"4101","display":"Resource request returns no results."}],
           "text":"Resource request returns no results."}}]},"search":{"mode":"outcome"}}]}""");
  }
}
