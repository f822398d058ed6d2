package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Medication;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.ProposedOrder;

/** Drugs named by {@code medicationReference} in every form EHRs send it (issue 25, point 1). */
class MedicationReferenceTest {
  private final RecordReader reader = new RecordReader(Fhir.CONTEXT, Fhir.CODES);
  private final DraftOrderReader drafts = new DraftOrderReader(Fhir.CONTEXT, Fhir.CODES);

  private PatientFacts medications(String entries) {
    String bundle =
        """
        {"resourceType":"Bundle","type":"searchset","entry":[%s]}"""
            .formatted(entries);
    return Fhir.MAPPER.map(
        reader.read(Map.of(RecordReader.MEDICATIONS, bundle), Set.of(), List.of()), Fhir.NOW);
  }

  @Test
  void epicsAbsoluteReferenceWithoutTheMedicationIsReadByItsDisplay() {
    var facts =
        medications(
            """
            {"fullUrl":"https://fhir.epic.example/api/FHIR/R4/MedicationRequest/eAbc1",
             "resource":{"resourceType":"MedicationRequest","id":"eAbc1","status":"active","intent":"order",
              "medicationReference":{"reference":"https://fhir.epic.example/api/FHIR/R4/Medication/eMed.1",
               "display":"clopidogrel 75 MG tablet"}}},
            {"resource":{"resourceType":"MedicationRequest","id":"eAbc2","status":"active","intent":"order",
              "medicationReference":{"reference":"Medication/eMed.2","display":"atorvastatin 40 MG tablet"}}}""");

    assertThat(facts.taking(DrugClass.ANTIPLATELET))
        .singleElement()
        .satisfies(m -> assertThat(m.byNameOnly()).isTrue());
    assertThat(facts.taking(DrugClass.STATIN)).singleElement();
    assertThat(facts.skipped()).isEmpty();
  }

  @Test
  void aReferenceToAnotherEntryIsMatchedByFullUrlAndByAbsoluteUrl() {
    var facts =
        medications(
            """
            {"fullUrl":"urn:uuid:1f0b3c2e-0000-4000-8000-000000000001",
             "resource":{"resourceType":"Medication",
              "code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.88","code":"32968"}],"text":"Plavix"}}},
            {"resource":{"resourceType":"MedicationRequest","id":"r1","status":"active","intent":"order",
              "medicationReference":{"reference":"urn:uuid:1f0b3c2e-0000-4000-8000-000000000001"}}},
            {"fullUrl":"https://fhir.example/R4/Medication/statin",
             "resource":{"resourceType":"Medication","id":"statin","code":{"text":"Atorvastatin 20 mg"}}},
            {"resource":{"resourceType":"MedicationRequest","id":"r2","status":"active","intent":"order",
              "medicationReference":{"reference":"https://fhir.example/R4/Medication/statin/_history/3"}}}""");

    assertThat(facts.taking(DrugClass.ANTIPLATELET))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.source()).isEqualTo("MedicationRequest/r1");
              assertThat(m.byNameOnly()).isFalse();
            });
    assertThat(facts.taking(DrugClass.STATIN))
        .extracting(m -> m.source())
        .containsExactly("MedicationRequest/r2");
  }

  @Test
  void epics2024DraftOrderNamesItsDrugByAMedicationEntryOfTheBundle() {
    String longId = "e" + "Q2xpbmljYWxPcmRlcg3".repeat(10);
    String bundle =
        """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"fullUrl":"https://fhir.epic.example/api/FHIR/R4/MedicationRequest/%1$s",
           "resource":{"resourceType":"MedicationRequest","id":"%1$s","status":"draft","intent":"order",
            "medicationReference":{"reference":"Medication/eQuin.5","display":"QUININE SULFATE 324 MG PO CAPS"}}},
          {"fullUrl":"https://fhir.epic.example/api/FHIR/R4/Medication/eQuin.5",
           "resource":{"resourceType":"Medication","id":"eQuin.5",
            "code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.253","code":"12345"},
                              {"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"9071"}],
                    "text":"quinine sulfate 324 MG capsule"}}}
        ]}"""
            .formatted(longId);

    List<ProposedOrder> orders = drafts.read(bundle, List.of("MedicationRequest/" + longId));

    assertThat(orders)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.reference()).isEqualTo("MedicationRequest/" + longId);
              assertThat(o.drugClasses()).containsExactly(DrugClass.QUININE);
              assertThat(o.name()).isEqualTo("quinine sulfate 324 MG capsule");
              assertThat(o.byNameOnly()).isFalse();
            });
  }

  @Test
  void aDraftOrderWhoseMedicationIsNowhereIsReadByItsDisplayAndSaysSo() {
    String bundle =
        """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"MedicationRequest","id":"d1","status":"draft","intent":"order",
            "medicationReference":{"reference":"Medication/elsewhere","display":"Quinine 300 mg tablet"}}}]}""";

    assertThat(drafts.read(bundle, List.of()))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.drugClasses()).containsExactly(DrugClass.QUININE);
              assertThat(o.byNameOnly()).isTrue();
            });
  }

  @Test
  void aMedicationFetchedFromTheFhirServerResolvesTheDraftsReference() {
    Medication fetched = new Medication();
    fetched.setId("m9");
    fetched.setCode(Fhir.concept(Fhir.RXNORM, "9071", "quinine"));
    String bundle =
        """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"MedicationRequest","id":"d1","status":"draft","intent":"order",
            "medicationReference":{"reference":"Medication/m9"}}}]}""";

    assertThat(drafts.read(bundle, List.of(), List.of(fetched)))
        .singleElement()
        .satisfies(o -> assertThat(o.drugClasses()).containsExactly(DrugClass.QUININE));
  }
}
