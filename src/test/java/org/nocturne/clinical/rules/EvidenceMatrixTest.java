package org.nocturne.clinical.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.clinical.PatientFixture;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.knowledge.Threshold;

/**
 * The evidence matrix (issue 24): each clinical concept the rules read, derived once from every
 * source that can state it. One row per cell (concept × source), each proved by a case: the rules
 * read the concept, never the source.
 */
class EvidenceMatrixTest {
  private static Evaluation evaluate(PatientFixture fixture) {
    return new Evaluation(
        fixture.facts(), PatientFixture.MODEL.knowledge(), TODAY, ComplaintWindow.DEFAULT);
  }

  private static Arguments cell(
      String concept,
      String source,
      Supplier<PatientFixture> fixture,
      Function<Evaluation, Boolean> present) {
    return Arguments.of(concept + " × " + source, fixture, present);
  }

  static Stream<Arguments> cells() {
    return Stream.of(
        cell(
            "tissue loss",
            "coded condition (L97, E11.621, gangrene)",
            () -> patient().has(Disorder.TISSUE_LOSS),
            e -> !e.tissueLossEvidence().isEmpty()),
        cell(
            "tissue loss",
            "questionnaire (non-healing sore)",
            () -> patient().answered(r -> r.skinChanges(Answers.SkinChange.NON_HEALING_SORE)),
            e -> !e.tissueLossEvidence().isEmpty()),
        cell(
            "one swollen leg",
            "coded condition with a side, recent",
            () -> patient().hasOn(Disorder.LEG_SWELLING, Side.LEFT, TODAY.minusDays(3)),
            e -> !e.oneLegSwellingEvidence().isEmpty()),
        cell(
            "one swollen leg",
            "questionnaire",
            () -> patient().answered(r -> r.swelling(Answers.Swelling.ONE_LEG)),
            e -> !e.oneLegSwellingEvidence().isEmpty()),
        cell(
            "bladder or bowel dysfunction",
            "coded condition (R33), recent",
            () -> patient().hasOn(Disorder.BLADDER_OR_BOWEL_DYSFUNCTION, Side.UNSPECIFIED, TODAY),
            e -> !e.bladderOrBowelEvidence().isEmpty()),
        cell(
            "bladder or bowel dysfunction",
            "questionnaire",
            () -> patient().answered(r -> r.yes(Item.BLADDER_OR_BOWEL_CHANGE)),
            e -> !e.bladderOrBowelEvidence().isEmpty()),
        cell(
            "bilateral radicular pain",
            "coded sciatica of each side",
            () ->
                patient()
                    .hasOn(Disorder.SCIATICA, Side.RIGHT, TODAY.minusWeeks(6))
                    .hasOn(Disorder.SCIATICA, Side.LEFT, TODAY.minusDays(1)),
            e -> !e.bilateralSciaticaEvidence().isEmpty()),
        cell(
            "unexplained weight loss",
            "coded condition (R63.4)",
            () -> patient().has(Disorder.WEIGHT_LOSS),
            e -> !e.weightLossEvidence().isEmpty()),
        cell(
            "unexplained weight loss",
            "questionnaire",
            () -> patient().answered(r -> r.yes(Item.WEIGHT_LOSS)),
            e -> !e.weightLossEvidence().isEmpty()),
        cell(
            "hypercalcaemia",
            "observation above our threshold",
            () -> patient().measured(Measure.CALCIUM, 12.6),
            e -> e.results().highCalcium().isPresent()),
        cell(
            "low magnesium",
            "observation below our threshold",
            () -> patient().measured(Measure.MAGNESIUM, 1.1),
            e ->
                e.results()
                    .lowRecent(Measure.MAGNESIUM, Threshold.MAGNESIUM_LOW_BELOW)
                    .isPresent()),
        cell(
            "low iron for restless legs",
            "observation within the lab range but ≤75",
            () -> patient().measured(Measure.FERRITIN, 24),
            e -> !e.lowIronEvidence().isEmpty()),
        cell(
            "pregnancy",
            "coded condition",
            () -> patient().has(Disorder.PREGNANCY),
            e -> !e.pregnancyOrPostpartumEvidence().isEmpty()),
        cell(
            "pregnancy",
            "questionnaire",
            () -> patient().answered(r -> r.yes(Item.PREGNANT_OR_RECENT_BIRTH)),
            e -> !e.pregnancyOrPostpartumEvidence().isEmpty()),
        cell(
            "arterial disease not excluded",
            "observation (noncompressible ABI)",
            () -> patient().measured(Measure.ANKLE_BRACHIAL_INDEX, 1.45, Side.LEFT),
            e -> !e.arterialDiseaseNotExcludedEvidence().isEmpty()),
        cell(
            "arterial disease",
            "observation (TBI ≤0.70)",
            () -> patient().measured(Measure.TOE_BRACHIAL_INDEX, 0.18, Side.LEFT),
            e -> !e.arterialDiseaseEvidence().isEmpty()),
        cell(
            "arterial disease",
            "coded condition",
            () -> patient().has(Disorder.PERIPHERAL_ARTERY_DISEASE),
            e -> !e.arterialDiseaseEvidence().isEmpty()),
        cell(
            "cancer at any time",
            "coded condition (history)",
            () -> patient().has(Disorder.CANCER_HISTORY),
            e -> !e.cancerHistoryEvidence().isEmpty()),
        cell(
            "cancer at any time",
            "medication (long-term cancer drug)",
            () -> patient().takes(DrugClass.CANCER_TREATMENT, "letrozole"),
            e -> !e.cancerHistoryEvidence().isEmpty()),
        cell(
            "smoking now",
            "coded status",
            () -> patient().has(Disorder.CURRENT_SMOKER),
            e -> !e.currentSmokerEvidence().isEmpty()),
        cell(
            "smoking now",
            "questionnaire",
            () -> patient().answered(r -> r.smoking(Answers.Smoking.CURRENT)),
            e -> !e.currentSmokerEvidence().isEmpty()),
        cell(
            "diabetes",
            "observation (HbA1c ≥6.5%)",
            () -> patient().measured(Measure.HBA1C, 7.4),
            e -> !e.diabetesEvidence().isEmpty()),
        cell(
            "kidney disease",
            "observation (eGFR <60)",
            () -> patient().measured(Measure.EGFR, 49),
            e -> !e.kidneyDiseaseEvidence().isEmpty()),
        cell(
            "fever",
            "observation (temperature ≥38 °C within 2 days)",
            () -> patient().measured(Measure.BODY_TEMPERATURE, 38.6, Side.UNSPECIFIED, TODAY),
            e -> e.results().feverOnRecord().isPresent()),
        cell(
            "fever",
            "coded condition (R50), recent",
            () -> patient().hasOn(Disorder.FEVER, Side.UNSPECIFIED, TODAY.minusDays(1)),
            e -> !e.feverDiagnosisEvidence().isEmpty()),
        cell(
            "raised CRP",
            "observation above our threshold",
            () -> patient().measured(Measure.C_REACTIVE_PROTEIN, 168),
            e ->
                e.results()
                    .highRecent(Measure.C_REACTIVE_PROTEIN, Threshold.CRP_RAISED_ABOVE)
                    .isPresent()),
        cell(
            "raised creatine kinase",
            "observation above our threshold",
            () -> patient().measured(Measure.CREATINE_KINASE, 4850),
            e ->
                e.results()
                    .highRecent(Measure.CREATINE_KINASE, Threshold.CK_UPPER_LIMIT)
                    .isPresent()),
        cell(
            "low folate",
            "observation below our threshold",
            () -> patient().measured(Measure.FOLATE, 2.4),
            e ->
                e.results()
                    .lowRecent(Measure.FOLATE, Threshold.FOLATE_DEFICIENT_BELOW)
                    .isPresent()),
        cell(
            "macrocytosis",
            "observation above our threshold",
            () -> patient().measured(Measure.MEAN_CORPUSCULAR_VOLUME, 104),
            e ->
                e.results()
                    .highRecent(Measure.MEAN_CORPUSCULAR_VOLUME, Threshold.MCV_MACROCYTOSIS_ABOVE)
                    .isPresent()),
        cell(
            "hypothyroidism",
            "observation (TSH above our threshold)",
            () -> patient().measured(Measure.TSH, 9.8),
            e -> e.results().highRecent(Measure.TSH, Threshold.TSH_HIGH_ABOVE).isPresent()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void eachConceptIsReadFromEachSourceThatCanStateIt(
      String cell, Supplier<PatientFixture> fixture, Function<Evaluation, Boolean> present) {
    assertThat(present.apply(evaluate(fixture.get()))).as(cell).isTrue();
  }

  @Test
  void aTemperatureOfLastWeekIsNotAFeverNow() {
    var e =
        evaluate(
            patient()
                .measured(Measure.BODY_TEMPERATURE, 39.0, Side.UNSPECIFIED, TODAY.minusDays(7)));
    assertThat(e.results().feverOnRecord()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void noConceptIsReadFromAnEmptyRecord(
      String cell, Supplier<PatientFixture> fixture, Function<Evaluation, Boolean> present) {
    assertThat(present.apply(evaluate(patient()))).as(cell).isFalse();
  }
}
