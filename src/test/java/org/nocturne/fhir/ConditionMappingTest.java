package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.fhir.Fhir.ICD;
import static org.nocturne.fhir.Fhir.SNOMED;
import static org.nocturne.fhir.Fhir.condition;
import static org.nocturne.fhir.Fhir.conditions;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;

class ConditionMappingTest {

  @Test
  void aSyntheaStyleSnomedOnlyRecordMapsEveryConcept() {
    var facts =
        conditions(
            condition("dm2", SNOMED, "44054006"),
            condition("dpn", SNOMED, "368581000119106"),
            condition("ckd3", SNOMED, "433144002"),
            condition("oa-knee", SNOMED, "239873007"),
            condition("ra", SNOMED, "69896004"),
            condition("pregnant", SNOMED, "72892002"),
            condition("prediabetes", SNOMED, "15777000"));

    assertThat(facts.diagnoses())
        .extracting(Diagnosis::disorder)
        .containsExactlyInAnyOrder(
            Disorder.DIABETES,
            Disorder.DIABETIC_NEUROPATHY,
            Disorder.CHRONIC_KIDNEY_DISEASE,
            Disorder.OSTEOARTHRITIS,
            Disorder.RHEUMATOID_ARTHRITIS,
            Disorder.PREGNANCY);
    assertThat(facts.current(Disorder.DIABETES))
        .hasValueSatisfying(d -> assertThat(d.source()).isEqualTo("Condition/dm2"));
  }

  @Test
  void billingStyleIcd10CodesMatchTheirFamiliesByPrefix() {
    var facts =
        conditions(
            condition("a", ICD, "E11.42"),
            condition("b", ICD, "I70.222"),
            condition("c", ICD, "I83.812"),
            condition("d", ICD, "G47.62"),
            condition("e", ICD, "M48.062"),
            condition("f", ICD, "M54.41"),
            condition("g", ICD, "C50.911"),
            condition("h", ICD, "O26.891"),
            condition("i", ICD, "I48.91"),
            condition("j", ICD, "N18.31"));

    assertThat(facts.diagnoses())
        .extracting(Diagnosis::disorder)
        .contains(
            Disorder.DIABETES,
            Disorder.DIABETIC_NEUROPATHY,
            Disorder.LIMB_THREATENING_ISCHEMIA,
            Disorder.VENOUS_INSUFFICIENCY,
            Disorder.LEG_CRAMPS,
            Disorder.SPINAL_STENOSIS,
            Disorder.SCIATICA,
            Disorder.ACTIVE_CANCER,
            Disorder.PREGNANCY,
            Disorder.ATRIAL_FIBRILLATION,
            Disorder.CHRONIC_KIDNEY_DISEASE);
  }

  @Test
  void icdCodesMatchWithoutDotsInAnyCaseAndUnderTheOidOrWhoSystem() {
    var facts =
        conditions(
            condition("a", ICD, "e1142"),
            condition("b", "urn:oid:2.16.840.1.113883.6.90", "G25.81"),
            condition("c", "http://hl7.org/fhir/sid/icd-10", "I83.9"));

    assertThat(facts.diagnoses())
        .extracting(Diagnosis::disorder)
        .contains(
            Disorder.DIABETIC_NEUROPATHY, Disorder.RESTLESS_LEGS, Disorder.VENOUS_INSUFFICIENCY);
  }

  @Test
  void aFamilyPrefixDoesNotOverreach() {
    var facts =
        conditions(
            condition("a", ICD, "E11.9"),
            condition("b", ICD, "I70.0"),
            condition("c", ICD, "E11.51"));

    assertThat(facts.diagnoses())
        .extracting(Diagnosis::disorder)
        .containsExactlyInAnyOrder(
            Disorder.DIABETES, Disorder.DIABETES, Disorder.PERIPHERAL_ARTERY_DISEASE);
  }

  @Test
  void refutedAndEnteredInErrorConditionsDoNotCount() {
    var facts =
        conditions(
            condition("refuted", SNOMED, "399957001", "active", "refuted"),
            condition("error", SNOMED, "32914008", "active", "entered-in-error"),
            condition("provisional", SNOMED, "449918009", "active", "provisional"));

    assertThat(facts.diagnoses())
        .extracting(Diagnosis::disorder)
        .containsExactly(Disorder.LEG_CRAMPS);
  }

  @Test
  void aResolvedDvtIsHistoryAndAConditionWithoutStatusIsCurrent() {
    var dvt = condition("old-dvt", SNOMED, "404223003", "resolved", "confirmed");
    dvt.setOnset(new DateTimeType("2019-03"));
    var facts = conditions(dvt, condition("pad", SNOMED, "399957001", null, null));

    assertThat(facts.current(Disorder.DEEP_VEIN_THROMBOSIS)).isEmpty();
    assertThat(facts.ever(Disorder.DEEP_VEIN_THROMBOSIS))
        .hasValueSatisfying(d -> assertThat(d.onset()).isEqualTo(LocalDate.of(2019, 3, 1)));
    assertThat(facts.current(Disorder.PERIPHERAL_ARTERY_DISEASE)).isPresent();
  }

  @Test
  void unknownCodesAreIgnoredAndAnUnknownStatusIsSkippedWithItsReason() {
    var facts =
        conditions(
            condition("x", SNOMED, "000000"), condition("y", SNOMED, "44054006", "dormant", null));

    assertThat(facts.diagnoses()).isEmpty();
    assertThat(facts.skipped()).containsExactly("Condition/y: unknown clinical status 'dormant'");
  }
}
