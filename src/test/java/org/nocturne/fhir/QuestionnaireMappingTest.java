package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Item;

/** A portal build of the questionnaire, with the EHR's own item ids and codes, read as ours. */
class QuestionnaireMappingTest {
  private static final QuestionnaireMapping EPIC =
      QuestionnaireMapping.load(
          Path.of("src/test/resources/ehr/epic-portal-questionnaire.properties"));

  private static final String PORTAL_RESPONSE =
      """
      {"resourceType":"QuestionnaireResponse","id":"eQR1","status":"completed",
       "questionnaire":"urn:oid:1.2.840.114350.1.13.0.1.7.2.456789|1053",
       "authored":"2026-11-20T09:00:00Z",
       "item":[
        {"linkId":"1053#101","answer":[{"valueCoding":{"system":"urn:oid:1.2.840.114350.1.13.0.1.7.4.698084.1053","code":"Y","display":"Yes"}}]},
        {"linkId":"1053#102","answer":[{"valueCoding":{"system":"urn:oid:1.2.840.114350.1.13.0.1.7.4.698084.1053","code":"3"}}]},
        {"linkId":"1053#103","answer":[{"valueString":"Yes"}]}
       ]}""";

  private static QuestionnaireResponse portal() {
    return Fhir.CONTEXT.newJsonParser().parseResource(QuestionnaireResponse.class, PORTAL_RESPONSE);
  }

  private static PatientRecord record(QuestionnaireResponse response) {
    return new PatientRecord(
        Optional.empty(), List.of(), List.of(), List.of(), List.of(response), List.of(), List.of());
  }

  @Test
  void thePortalsItemIdsAndAnswerCodesAreReadAsOurs() {
    var facts = new FactsMapper(Fhir.CODES, EPIC).map(record(portal()), Fhir.NOW);

    var report = facts.report().orElseThrow();
    assertThat(report.yes(Item.RELIEF_DANGLING)).isTrue();
    assertThat(report.yes(Item.WORSE_LYING_FLAT)).isTrue();
    assertThat(report.onset()).isEqualTo(Answers.Onset.OVER_3_MONTHS);
  }

  @Test
  void withoutTheMappingAPortalResponseIsNotOurs() {
    var facts = new FactsMapper(Fhir.CODES).map(record(portal()), Fhir.NOW);

    assertThat(facts.report()).isEmpty();
  }

  @Test
  void aMappingFileWithAnUnknownKeyStopsTheStartNamingIt() throws Exception {
    Path file = Files.createTempFile("mapping", ".properties");
    Files.writeString(file, "questionnaire=x\nitems.a=b\n");

    assertThatThrownBy(() -> QuestionnaireMapping.load(file)).hasMessageContaining("items.a");
  }
}
