package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nocturne.fhir.Fhir.LOINC;
import static org.nocturne.fhir.Fhir.SNOMED;
import static org.nocturne.fhir.Fhir.component;
import static org.nocturne.fhir.Fhir.concept;
import static org.nocturne.fhir.Fhir.observation;
import static org.nocturne.fhir.Fhir.observations;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Interpretation;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Side;

class ObservationMappingTest {

  private static Observation abi(String id, double value, String siteCode, String siteText) {
    Observation abi = observation(id, SNOMED, "446841001", value, "1");
    abi.setBodySite(new CodeableConcept().setText(siteText));
    if (siteCode != null) {
      abi.getBodySite().addCoding().setSystem(SNOMED).setCode(siteCode);
    }
    return abi;
  }

  @Test
  void bilateralAbiAsTwoObservationsKeepsEachLeg() {
    var facts =
        observations(abi("abi-l", 0.58, "7771000", null), abi("abi-r", 0.86, null, "Right ankle"));

    assertThat(facts.all(Measure.ANKLE_BRACHIAL_INDEX))
        .extracting(Measurement::side, Measurement::value, Measurement::source)
        .containsExactlyInAnyOrder(
            Tuple.tuple(Side.LEFT, 0.58, "Observation/abi-l"),
            Tuple.tuple(Side.RIGHT, 0.86, "Observation/abi-r"));
  }

  @Test
  void bilateralAbiAsComponentsKeepsEachLeg() {
    Observation panel = new Observation();
    panel.setId("abi-panel");
    panel.setStatus(Observation.ObservationStatus.FINAL);
    panel.setCode(concept(SNOMED, "446841001", "Ankle brachial pressure index"));
    panel.setEffective(new DateTimeType("2026-09-30"));
    panel.addComponent(component("Left ankle-brachial index", 0.72));
    panel.addComponent(component("Right ankle-brachial index", 1.02));

    var facts = observations(panel);

    assertThat(facts.all(Measure.ANKLE_BRACHIAL_INDEX))
        .extracting(Measurement::side, Measurement::value)
        .containsExactlyInAnyOrder(Tuple.tuple(Side.LEFT, 0.72), Tuple.tuple(Side.RIGHT, 1.02));
    assertThat(facts.all(Measure.ANKLE_BRACHIAL_INDEX).get(0).date())
        .isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Test
  void ankleAndToeIndicesWithoutACodeAreFoundByTheirText() {
    Observation abpi = observation("abpi", "http://example.org/local", "VASC-77", 0.85, "1");
    abpi.getCode().setText("ABPI left");
    Observation tbi = observation("tbi", "http://example.org/local", "VASC-78", 0.55, "{ratio}");
    tbi.getCode().setText("Toe brachial index");

    var facts = observations(abpi, tbi);

    assertThat(facts.all(Measure.ANKLE_BRACHIAL_INDEX))
        .extracting(Measurement::value)
        .containsExactly(0.85);
    assertThat(facts.all(Measure.TOE_BRACHIAL_INDEX))
        .extracting(Measurement::value)
        .containsExactly(0.55);
  }

  @Test
  void toeAndAnklePressuresInTheirNocturneCodesReachTheClinicalModelInMmHg() {
    // no LOINC or SNOMED CT code for toe or ankle systolic pressure could be verified: an EHR maps
    // its local code to ours (fhir-profiles/README.md), which the observations prefetch asks for
    String concept = "http://nocturne-cds.org/fhir/CodeSystem/observation-concept";
    Observation toe = observation("toe-l", concept, "toe-pressure", 25, "mm[Hg]");
    toe.setBodySite(new CodeableConcept().setText("Left great toe"));
    Observation ankle = observation("ankle-r", concept, "ankle-pressure", 45, "mm[Hg]");

    var facts = observations(toe, ankle);

    assertThat(facts.all(Measure.TOE_PRESSURE))
        .extracting(Measurement::side, Measurement::value)
        .containsExactly(Tuple.tuple(Side.LEFT, 25.0));
    assertThat(facts.all(Measure.ANKLE_PRESSURE))
        .extracting(Measurement::value)
        .containsExactly(45.0);
  }

  @Test
  void onlyFinalAmendedOrCorrectedResultsCount() {
    Observation preliminary = observation("p", LOINC, "2276-4", 20, "ng/mL");
    preliminary.setStatus(Observation.ObservationStatus.PRELIMINARY);
    Observation amended = observation("a", LOINC, "2276-4", 45, "ng/mL");
    amended.setStatus(Observation.ObservationStatus.AMENDED);
    Observation error = observation("e", LOINC, "2276-4", 5, "ng/mL");
    error.setStatus(Observation.ObservationStatus.ENTEREDINERROR);

    var facts = observations(preliminary, amended, error);

    assertThat(facts.all(Measure.FERRITIN))
        .extracting(Measurement::source)
        .containsExactly("Observation/a");
  }

  @Test
  void mixedUnitsAreConvertedToTheCanonicalUnit() {
    var facts =
        observations(
            observation("a1c", LOINC, "59261-8", 53, "mmol/mol"),
            observation("mg", LOINC, "2601-3", 0.6, "mmol/L"),
            observation("ca", LOINC, "2000-8", 2.0, "mmol/L"),
            observation("ferritin", LOINC, "2276-4", 30, "ug/L"),
            observation("b12", LOINC, "2132-9", 150, "pmol/L"),
            observation("egfr", LOINC, "98979-8", 52, "mL/min/1.73m2"),
            observation("egfr-synthea", LOINC, "33914-3", 58, "mL/min/{1.73_m2}"),
            observation("tsat", LOINC, "2502-3", 0.18, "1"));

    assertThat(facts.all(Measure.HBA1C).get(0).value()).isCloseTo(7.0, within(0.01));
    assertThat(facts.all(Measure.MAGNESIUM).get(0).value()).isCloseTo(1.46, within(0.01));
    assertThat(facts.all(Measure.CALCIUM).get(0).value()).isCloseTo(8.02, within(0.01));
    assertThat(facts.all(Measure.FERRITIN).get(0).value()).isEqualTo(30);
    assertThat(facts.all(Measure.VITAMIN_B12).get(0).value()).isCloseTo(203.3, within(0.1));
    assertThat(facts.all(Measure.EGFR))
        .extracting(Measurement::value)
        .containsExactlyInAnyOrder(52.0, 58.0);
    assertThat(facts.all(Measure.TRANSFERRIN_SATURATION).get(0).value())
        .isCloseTo(18, within(0.001));
  }

  @Test
  void temperatureInFahrenheitAndTheNewLabsInSIUnitsReachTheModelInTheirCanonicalUnit() {
    var facts =
        observations(
            observation("temp", LOINC, "8310-5", 101.3, "[degF]"),
            observation("crp", LOINC, "1988-5", 16.8, "mg/dL"),
            observation("ck", LOINC, "2157-6", 2.5, "ukat/L"),
            observation("folate", LOINC, "2284-8", 5.4, "nmol/L"),
            observation("mcv", LOINC, "787-2", 104, "fL"));

    assertThat(facts.all(Measure.BODY_TEMPERATURE).get(0).value()).isCloseTo(38.5, within(0.01));
    assertThat(facts.all(Measure.C_REACTIVE_PROTEIN).get(0).value()).isCloseTo(168, within(0.01));
    assertThat(facts.all(Measure.CREATINE_KINASE).get(0).value()).isCloseTo(150, within(0.01));
    assertThat(facts.all(Measure.FOLATE).get(0).value()).isCloseTo(2.38, within(0.01));
    assertThat(facts.all(Measure.MEAN_CORPUSCULAR_VOLUME).get(0).value()).isEqualTo(104);
  }

  @Test
  void aUnitThatCannotBeConvertedIsSkippedWithItsReason() {
    var facts = observations(observation("ferritin", LOINC, "2276-4", 30, "mg"));

    assertThat(facts.all(Measure.FERRITIN)).isEmpty();
    assertThat(facts.skipped())
        .containsExactly("Observation/ferritin: unit 'mg' cannot be converted to ng/mL");
  }

  @Test
  void theLabsFlagOrReferenceRangeIsKept() {
    Observation flagged = observation("k", LOINC, "2823-3", 3.3, "mmol/L");
    flagged.addInterpretation(
        concept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "L", "Low"));
    Observation ranged = observation("mg", LOINC, "19123-9", 1.9, "mg/dL");
    ranged
        .addReferenceRange()
        .setLow(new Quantity().setValue(new BigDecimal("2.0")))
        .setHigh(new Quantity().setValue(new BigDecimal("2.6")));

    var facts = observations(flagged, ranged);

    assertThat(facts.all(Measure.POTASSIUM).get(0).interpretation()).isEqualTo(Interpretation.LOW);
    assertThat(facts.all(Measure.MAGNESIUM).get(0).interpretation()).isEqualTo(Interpretation.LOW);
  }

  @Test
  void aPregnancyStatusOfPregnantIsAPregnancy() {
    Observation status = new Observation();
    status.setId("preg");
    status.setStatus(Observation.ObservationStatus.FINAL);
    status.setCode(concept(LOINC, "82810-3", "Pregnancy status"));
    status.setValue(concept(SNOMED, "77386006", "Pregnant"));

    assertThat(observations(status).isPregnant()).isTrue();
  }

  @Test
  void aSmokingStatusOfCurrentSmokerIsASmoker_andNeverSmokedIsNot() {
    Observation smokes = new Observation();
    smokes.setId("smoking");
    smokes.setStatus(Observation.ObservationStatus.FINAL);
    smokes.setCode(concept(LOINC, "72166-2", "Tobacco smoking status"));
    smokes.setValue(concept(SNOMED, "449868002", "Smokes tobacco daily"));
    Observation never = new Observation();
    never.setId("never");
    never.setStatus(Observation.ObservationStatus.FINAL);
    never.setCode(concept(LOINC, "72166-2", "Tobacco smoking status"));
    never.setValue(concept(SNOMED, "266919005", "Never smoked tobacco"));

    assertThat(observations(smokes).current(Disorder.CURRENT_SMOKER))
        .hasValueSatisfying(d -> assertThat(d.source()).isEqualTo("Observation/smoking"));
    assertThat(observations(never).current(Disorder.CURRENT_SMOKER)).isEmpty();
  }

  @Test
  void anObservationWithoutAValueIsSkippedWithItsReason() {
    Observation empty = observation("tsh", LOINC, "3016-3", 1, "mIU/L");
    empty.setValue(null);

    var facts = observations(empty);

    assertThat(facts.measurements()).isEmpty();
    assertThat(facts.skipped()).containsExactly("Observation/tsh: no numeric value");
  }
}
