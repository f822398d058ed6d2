package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.fhir.Fhir.RXNORM;
import static org.nocturne.fhir.Fhir.concept;
import static org.nocturne.fhir.Fhir.medications;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.DrugClass;

class MedicationMappingTest {

  private static MedicationRequest order(String id, CodeableConcept medication) {
    MedicationRequest request = new MedicationRequest();
    request.setId(id);
    request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    request.setMedication(medication);
    return request;
  }

  @Test
  void anRxNormIngredientCodeGivesTheClass() {
    var facts = medications(order("q", concept(RXNORM, "9071", "quinine")));

    assertThat(facts.taking(DrugClass.QUININE))
        .singleElement()
        .satisfies(m -> assertThat(m.source()).isEqualTo("MedicationRequest/q"));
  }

  @Test
  void aClinicalDrugCodeIsClassifiedByItsIngredientName() {
    var facts =
        medications(
            order("hctz", concept(RXNORM, "310798", "Hydrochlorothiazide 25 MG Oral Tablet")));

    assertThat(facts.taking(DrugClass.THIAZIDE_DIURETIC))
        .singleElement()
        .satisfies(m -> assertThat(m.name()).contains("Hydrochlorothiazide"));
  }

  @Test
  void quinidineIsNeverQuinine() {
    var facts = medications(order("qd", new CodeableConcept().setText("Quinidine sulfate 200 mg")));

    assertThat(facts.medications()).isEmpty();
  }

  @Test
  void aCombinationProductBelongsToEachOfItsClasses() {
    var facts =
        medications(
            order(
                "combo",
                new CodeableConcept().setText("Triamterene / Hydrochlorothiazide 37.5-25 mg")));

    assertThat(facts.medications())
        .extracting(m -> m.drugClass())
        .containsExactlyInAnyOrder(
            DrugClass.THIAZIDE_DIURETIC, DrugClass.POTASSIUM_SPARING_DIURETIC);
  }

  @Test
  void aMedicationReferenceIsResolvedInTheBundleAndInContainedResources() {
    Medication bundled = new Medication().setCode(concept(RXNORM, "746741", "pramipexole"));
    bundled.setId("prami");
    MedicationRequest byBundle =
        new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    byBundle.setId("r1");
    byBundle.setMedication(new Reference("Medication/prami"));
    Medication contained =
        new Medication().setCode(new CodeableConcept().setText("Sertraline 50 mg"));
    contained.setId("sert");
    MedicationRequest byContained =
        new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    byContained.setId("r2");
    byContained.addContained(contained);
    byContained.setMedication(new Reference("#sert"));

    var facts = medications(bundled, byBundle, byContained);

    assertThat(facts.taking(DrugClass.DOPAMINE_AGONIST))
        .extracting(m -> m.source())
        .containsExactly("MedicationRequest/r1");
    assertThat(facts.taking(DrugClass.SEROTONERGIC_ANTIDEPRESSANT))
        .extracting(m -> m.source())
        .containsExactly("MedicationRequest/r2");
  }

  @Test
  void anUnresolvableReferenceIsSkippedWithItsReason() {
    MedicationRequest dangling =
        new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    dangling.setId("r3");
    dangling.setMedication(new Reference("Medication/missing"));

    var facts = medications(dangling);

    assertThat(facts.skipped())
        .containsExactly("MedicationRequest/r3: its medicationReference could not be resolved");
  }

  @Test
  void onlyActiveOrdersAndStatementsCount() {
    MedicationRequest stopped = order("old", concept(RXNORM, "36437", "sertraline"));
    stopped.setStatus(MedicationRequest.MedicationRequestStatus.STOPPED);
    MedicationStatement statement =
        new MedicationStatement().setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
    statement.setId("ms");
    statement.setMedication(concept(RXNORM, "36117", "salmeterol"));

    var facts = medications(stopped, statement);

    assertThat(facts.medications())
        .extracting(m -> m.drugClass())
        .containsExactly(DrugClass.LONG_ACTING_BETA_AGONIST);
  }
}
