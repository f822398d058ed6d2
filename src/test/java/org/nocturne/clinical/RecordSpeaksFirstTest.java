package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.clinical.PatientFixture.TODAY;
import static org.nocturne.clinical.PatientFixture.patient;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.rules.ordersafety.OrderSafety;
import org.nocturne.clinical.rules.ordersafety.Remedy;
import org.nocturne.clinical.rules.ordersafety.SafetyFinding;
import org.nocturne.clinical.rules.ordersafety.Severity;

/**
 * Issue 24: the record is a first-class source. Each concept is read from the coded record as from
 * the questionnaire, the cause on record is named, results act, false alarms are held back.
 */
class RecordSpeaksFirstTest {
  private static final OrderSafety SAFETY =
      new OrderSafety(PatientFixture.MODEL.knowledge(), ComplaintWindow.DEFAULT);

  private static PatientFixture legPainNow() {
    return patient().complaintOnRecord(TODAY.minusDays(5), TODAY.minusDays(3));
  }

  private static RaisedFlag flag(Assessment assessment, RedFlag flag) {
    return assessment.flag(flag).orElseThrow(() -> new AssertionError(flag + " not raised"));
  }

  private static String findings(RaisedFlag flag) {
    return String.join("; ", flag.findings().stream().map(Finding::text).toList());
  }

  private static MedicationEffect effect(Assessment assessment, MedicationEffect.Kind kind) {
    return assessment.medicationEffects().stream()
        .filter(e -> e.kind() == kind)
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " not found"));
  }

  // --- limb-threatening ischaemia from the record ---

  @Test
  void codedFootUlcerWithLowToePressure_isCriticalCltiWithoutAQuestionnaire() {
    var assessment =
        legPainNow()
            .has(Disorder.TISSUE_LOSS)
            .has(Disorder.DIABETES)
            .measured(Measure.ANKLE_BRACHIAL_INDEX, 1.45, Side.LEFT)
            .measured(Measure.TOE_PRESSURE, 24, Side.LEFT)
            .measured(Measure.TOE_BRACHIAL_INDEX, 0.18, Side.LEFT)
            .assess();

    RaisedFlag clti = flag(assessment, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA);
    assertThat(clti.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(findings(clti)).contains("Tissue loss on record").contains("Toe pressure 24");
    assertThat(assessment.leading().cause()).isEqualTo(Cause.PERIPHERAL_ARTERY_DISEASE);
  }

  @Test
  void severeHaemodynamicsStayCritical_whateverTheQuestionnaireSays() {
    var assessment =
        legPainNow()
            .measured(Measure.TOE_PRESSURE, 22, Side.RIGHT)
            .answered(r -> r.character(Answers.PainCharacter.CRAMP_HARD_MUSCLE))
            .assess();

    assertThat(flag(assessment, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA).urgency())
        .isEqualTo(Urgency.CRITICAL);
  }

  @Test
  void restPainEasedByDependencyWithNoAbi_isSuspectedCltiInAnyone() {
    var assessment =
        patient()
            .age(55)
            .answered(r -> r.onset(Answers.Onset.TWO_WEEKS_TO_3_MONTHS).yes(Item.RELIEF_DANGLING))
            .assess();

    RaisedFlag clti = flag(assessment, RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA);
    assertThat(clti.urgency()).isEqualTo(Urgency.WARNING);
    assertThat(findings(clti)).contains("no ABI on record");
  }

  @Test
  void restPainOrTissueLoss_neverGetsSupervisedExercise() {
    var assessment =
        patient()
            .abi(0.7, 0.8)
            .answered(r -> r.onset(Answers.Onset.UNDER_2_WEEKS).yes(Item.RELIEF_DANGLING))
            .assess();

    assertThat(assessment.step(NextStep.SUPERVISED_EXERCISE)).isEmpty();
  }

  // --- DVT and its companions ---

  @Test
  void recentOneSidedSwellingAndActiveCancerOnRecord_isLikelyDvtNamingTamoxifen() {
    var assessment =
        legPainNow()
            .hasOn(Disorder.LEG_SWELLING, Side.LEFT, TODAY.minusDays(3))
            .has(Disorder.ACTIVE_CANCER)
            .takes(DrugClass.SELECTIVE_ESTROGEN_RECEPTOR_MODULATOR, "tamoxifen")
            .assess();

    RaisedFlag dvt = flag(assessment, RedFlag.DEEP_VEIN_THROMBOSIS);
    assertThat(dvt.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(findings(dvt)).contains("One leg swollen", "Active cancer", "tamoxifen");
  }

  @Test
  void chronicBilateralOedemaOnRecord_isNotALocalSignOfAClot() {
    var assessment =
        legPainNow().hasOn(Disorder.LEG_SWELLING, Side.UNSPECIFIED, TODAY.minusYears(4)).assess();

    assertThat(assessment.flag(RedFlag.DEEP_VEIN_THROMBOSIS)).isEmpty();
  }

  @Test
  void knownBakersCyst_isNamedBesideTheDvtCard_andDoesNotSilenceIt() {
    var assessment =
        patient()
            .has(Disorder.BAKERS_CYST)
            .answered(
                r ->
                    r.swelling(Answers.Swelling.ONE_LEG)
                        .yes(Item.CALF_TENDERNESS)
                        .yes(Item.WORSE_AFTER_STANDING))
            .assess();

    RaisedFlag dvt = flag(assessment, RedFlag.DEEP_VEIN_THROMBOSIS);
    assertThat(dvt.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(findings(dvt)).contains("Baker's cyst");
  }

  @Test
  void besideASuspectedDvt_chronicVenousDiseaseIsNotTheCause() {
    var assessment =
        patient()
            .answered(
                r ->
                    r.swelling(Answers.Swelling.ONE_LEG)
                        .yes(Item.CALF_TENDERNESS)
                        .yes(Item.WORSE_AFTER_STANDING)
                        .yes(Item.RELIEF_ELEVATION)
                        .character(Answers.PainCharacter.ACHING_HEAVINESS))
            .assess();

    assertThat(assessment.flag(RedFlag.DEEP_VEIN_THROMBOSIS)).isPresent();
    assertThat(assessment.of(Cause.VENOUS_INSUFFICIENCY).likelihood()).isEqualTo(Likelihood.LOW);
  }

  @Test
  void bothLegsSwollenInHeartFailure_isNotUnexplainedSwelling() {
    var assessment =
        patient()
            .has(Disorder.HEART_FAILURE)
            .takes(DrugClass.LOOP_DIURETIC, "furosemide")
            .answered(r -> r.swelling(Answers.Swelling.BOTH_LEGS))
            .assess();

    assertThat(assessment.flag(RedFlag.UNEXPLAINED_SWELLING)).isEmpty();
  }

  // --- cauda equina and malignancy from codes ---

  @Test
  void urinaryRetentionCodedBesideSciatica_isCriticalCaudaEquinaWithoutAQuestionnaire() {
    var assessment =
        legPainNow()
            .hasOn(Disorder.SCIATICA, Side.RIGHT, TODAY.minusWeeks(6))
            .hasOn(Disorder.SCIATICA, Side.LEFT, TODAY.minusDays(1))
            .hasOn(Disorder.BLADDER_OR_BOWEL_DYSFUNCTION, Side.UNSPECIFIED, TODAY)
            .assess();

    RaisedFlag cauda = flag(assessment, RedFlag.CAUDA_EQUINA);
    assertThat(cauda.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(findings(cauda)).contains("bladder", "both legs");
  }

  @Test
  void cancerHistoryWithWeightLossAndCalciumAbove12_isACriticalMalignancyFlag() {
    var assessment =
        legPainNow()
            .has(Disorder.CANCER_HISTORY)
            .has(Disorder.WEIGHT_LOSS)
            .measured(Measure.CALCIUM, 12.6, Side.UNSPECIFIED, TODAY.minusDays(4))
            .assess();

    RaisedFlag flag = flag(assessment, RedFlag.INFECTION_OR_MALIGNANCY);
    assertThat(flag.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(findings(flag)).contains("Calcium 12.6 mg/dL", "weight loss");
  }

  @Test
  void knownMetastaticCancer_asksTheOncologyTeam_notASearchForMetastasis() {
    var assessment =
        legPainNow()
            .has(Disorder.ACTIVE_CANCER)
            .has(Disorder.METASTATIC_CANCER)
            .has(Disorder.WEIGHT_LOSS)
            .has(Disorder.CANCER_HISTORY)
            .assess();

    assertThat(flag(assessment, RedFlag.INFECTION_OR_MALIGNANCY).guidance())
        .isEqualTo(FlagGuidance.KNOWN_METASTATIC_DISEASE);
  }

  @Test
  void symmetricNeuropathyOnOxaliplatin_isTheChemotherapy_notAMetastasisPrompt() {
    var assessment =
        patient()
            .has(Disorder.ACTIVE_CANCER)
            .takes(DrugClass.NEUROTOXIC_CHEMOTHERAPY, "oxaliplatin")
            .answered(
                r ->
                    r.laterality(Answers.Laterality.BOTH)
                        .character(Answers.PainCharacter.BURNING, Answers.PainCharacter.TINGLING))
            .assess();

    assertThat(assessment.flag(RedFlag.INFECTION_OR_MALIGNANCY)).isEmpty();
    assertThat(effect(assessment, MedicationEffect.Kind.CHEMOTHERAPY_NEUROPATHY).drugs())
        .extracting(Medication::name)
        .containsExactly("oxaliplatin");
  }

  // --- the cause on record, named ---

  @Test
  void goutOnTheProblemList_isTheArthritis_withTheThiazideNamed() {
    var assessment =
        legPainNow()
            .hasSince(Disorder.GOUT, TODAY.minusDays(2))
            .takes(DrugClass.THIAZIDE_DIURETIC, "hydrochlorothiazide")
            .assess();

    assertThat(assessment.leading().cause()).isEqualTo(Cause.ARTHRITIS);
    assertThat(assessment.leading().supporting())
        .extracting(Finding::text)
        .anyMatch(t -> t.contains("colchicine"))
        .anyMatch(t -> t.contains("hydrochlorothiazide"));
    assertThat(assessment.flag(RedFlag.DEEP_VEIN_THROMBOSIS)).isEmpty();
  }

  @Test
  void ppiWithLowMagnesium_namesTheDrugWithItsStart_andTheResult() {
    var assessment =
        legPainNow()
            .has(Disorder.LEG_CRAMPS)
            .takesSince(DrugClass.PROTON_PUMP_INHIBITOR, "omeprazole", TODAY.minusYears(9))
            .measured(Measure.MAGNESIUM, 1.1, Side.UNSPECIFIED, TODAY.minusDays(10))
            .assess();

    MedicationEffect ppi = effect(assessment, MedicationEffect.Kind.PPI_HYPOMAGNESAEMIA);
    assertThat(ppi.findings())
        .extracting(Finding::text)
        .anyMatch(t -> t.startsWith("On omeprazole (since "))
        .anyMatch(t -> t.startsWith("Magnesium 1.1 mg/dL"));
    assertThat(assessment.leading().cause()).isEqualTo(Cause.LEG_CRAMPS);
  }

  @Test
  void restlessnessSoonAfterMetoclopramide_isAkathisia_notAnRlsWorsener() {
    var assessment =
        patient()
            .takesSince(DrugClass.DOPAMINE_ANTAGONIST, "metoclopramide", TODAY.minusDays(14))
            .answered(
                r ->
                    r.character(Answers.PainCharacter.URGE_TO_MOVE)
                        .yes(Item.RELIEF_MOVING)
                        .no(Item.WORSE_EVENING_AT_REST))
            .assess();

    assertThat(assessment.medicationEffects())
        .extracting(MedicationEffect::kind)
        .contains(MedicationEffect.Kind.DRUG_INDUCED_AKATHISIA)
        .doesNotContain(MedicationEffect.Kind.DRUGS_WORSENING_RLS);
  }

  @Test
  void rlsOnSertralineAndDiphenhydramine_namesBothDrugs() {
    var assessment =
        patient()
            .takes(DrugClass.SEROTONERGIC_ANTIDEPRESSANT, "sertraline")
            .takes(DrugClass.SEDATING_ANTIHISTAMINE, "diphenhydramine")
            .answered(
                r ->
                    r.character(Answers.PainCharacter.URGE_TO_MOVE)
                        .yes(Item.RELIEF_MOVING)
                        .yes(Item.WORSE_EVENING_AT_REST))
            .assess();

    assertThat(effect(assessment, MedicationEffect.Kind.DRUGS_WORSENING_RLS).drugs())
        .extracting(Medication::name)
        .containsExactlyInAnyOrder("sertraline", "diphenhydramine");
  }

  @Test
  void metforminWithLowB12_isNamed_andB12IsReplaced() {
    var assessment =
        legPainNow()
            .has(Disorder.DIABETES)
            .takesSince(DrugClass.METFORMIN, "metformin", TODAY.minusYears(13))
            .measured(Measure.VITAMIN_B12, 168, Side.UNSPECIFIED, TODAY.minusDays(9))
            .assess();

    assertThat(effect(assessment, MedicationEffect.Kind.METFORMIN_B12_DEFICIENCY).findings())
        .extracting(Finding::text)
        .anyMatch(t -> t.startsWith("B12 168 pg/mL"));
    assertThat(
            PatientFixture.MODEL
                .knowledge()
                .effect(MedicationEffect.Kind.METFORMIN_B12_DEFICIENCY)
                .action())
        .contains("Replace B12");
  }

  @Test
  void crampsOnDialysis_goToTheRenalTeam_notMagnesium() {
    var assessment = legPainNow().has(Disorder.LEG_CRAMPS).has(Disorder.DIALYSIS).assess();

    assertThat(assessment.medicationEffects())
        .extracting(MedicationEffect::kind)
        .contains(MedicationEffect.Kind.DIALYSIS_CRAMPS)
        .doesNotContain(MedicationEffect.Kind.PPI_HYPOMAGNESAEMIA);
    assertThat(
            PatientFixture.MODEL.knowledge().effect(MedicationEffect.Kind.DIALYSIS_CRAMPS).action())
        .contains("renal team")
        .contains("no magnesium");
  }

  // --- false alarms ---

  @Test
  void aching_inAClearSpinalPattern_raisesNoStatinCard() {
    var assessment =
        patient()
            .takes(DrugClass.STATIN, "atorvastatin 40 mg")
            .has(Disorder.SCIATICA)
            .answered(
                r ->
                    r.character(
                            Answers.PainCharacter.ACHING_HEAVINESS,
                            Answers.PainCharacter.SHOOTING_ELECTRIC)
                        .location(Answers.Location.RADIATES_FROM_BACK_OR_BUTTOCK)
                        .yes(Item.WORSE_SITTING_OR_COUGHING))
            .assess();

    if (assessment.of(Cause.SCIATICA).likelihood() == Likelihood.HIGH) {
      assertThat(assessment.medicationEffects())
          .extracting(MedicationEffect::kind)
          .doesNotContain(MedicationEffect.Kind.STATIN_MYOPATHY);
    }
  }

  // --- order hooks ---

  @Test
  void raisingADopamineAgonistAlreadyTaken_isAugmentation_withTheDraftToRemove() {
    var fixture =
        patient()
            .has(Disorder.RESTLESS_LEGS)
            .takesSince(DrugClass.DOPAMINE_AGONIST, "pramipexole 0.25 mg", TODAY.minusYears(4))
            .measured(Measure.FERRITIN, 48);
    PatientFacts facts = fixture.facts();
    var order =
        new ProposedOrder(
            "MedicationRequest/draft",
            "pramipexole 0.5 mg",
            Set.of(DrugClass.DOPAMINE_AGONIST),
            false,
            Set.of(Disorder.RESTLESS_LEGS));

    List<SafetyFinding> found =
        SAFETY.check(facts, PatientFixture.MODEL.assess(facts, TODAY), List.of(order), TODAY);

    SafetyFinding finding =
        found.stream()
            .filter(f -> f.concern() == SafetyConcern.DOPAMINE_AGONIST_FOR_RLS)
            .findFirst()
            .orElseThrow();
    assertThat(finding.remedy()).isInstanceOf(Remedy.Withdraw.class);
    assertThat(finding.headline()).contains("augmentation");
  }

  @Test
  void resolvedMalaria_isNoIndicationForQuinine() {
    var fixture = patient().hadInThePast(Disorder.MALARIA).has(Disorder.LEG_CRAMPS);
    PatientFacts facts = fixture.facts();
    var order =
        new ProposedOrder(
            "MedicationRequest/q", "quinine 324 mg", Set.of(DrugClass.QUININE), false, Set.of());

    assertThat(
            SAFETY.check(facts, PatientFixture.MODEL.assess(facts, TODAY), List.of(order), TODAY))
        .extracting(SafetyFinding::concern)
        .contains(SafetyConcern.QUININE_FOR_LEG_CRAMPS);
  }

  @Test
  void aThiazideOrderedWithLowPotassiumAndMagnesium_isAWarningShowingBoth() {
    var fixture =
        patient()
            .has(Disorder.LEG_CRAMPS)
            .measured(Measure.POTASSIUM, 3.2, Side.UNSPECIFIED, TODAY.minusDays(14))
            .measured(Measure.MAGNESIUM, 1.5, Side.UNSPECIFIED, TODAY.minusDays(14));
    PatientFacts facts = fixture.facts();
    var order =
        new ProposedOrder(
            "MedicationRequest/hctz",
            "hydrochlorothiazide 25 mg",
            Set.of(DrugClass.THIAZIDE_DIURETIC),
            false,
            Set.of());

    SafetyFinding finding =
        SAFETY
            .check(facts, PatientFixture.MODEL.assess(facts, TODAY), List.of(order), TODAY)
            .stream()
            .filter(f -> f.concern() == SafetyConcern.DRUG_MAY_CAUSE_CRAMPS)
            .findFirst()
            .orElseThrow();
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.findings())
        .extracting(Finding::text)
        .anyMatch(t -> t.startsWith("Potassium 3.2 mmol/L"))
        .anyMatch(t -> t.startsWith("Magnesium 1.5 mg/dL"));
  }

  // --- second session: concepts the record states that no rule read before ---

  @Test
  void codedCellulitisWithATemperatureToday_isACriticalLegInfection_butOneOfLastMonthIsHistory() {
    var febrile =
        legPainNow()
            .hasOn(Disorder.CELLULITIS, Side.LEFT, TODAY.minusDays(1))
            .measured(Measure.BODY_TEMPERATURE, 38.7, Side.UNSPECIFIED, TODAY)
            .measured(Measure.C_REACTIVE_PROTEIN, 168)
            .assess();
    RaisedFlag infection = flag(febrile, RedFlag.INFECTION_OR_MALIGNANCY);
    assertThat(infection.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(infection.guidance()).isEqualTo(FlagGuidance.LEG_INFECTION);
    assertThat(findings(infection)).contains("Temperature 38.7 °C").contains("CRP 168");

    var old = legPainNow().hasOn(Disorder.CELLULITIS, Side.LEFT, TODAY.minusDays(30)).assess();
    assertThat(old.flag(RedFlag.INFECTION_OR_MALIGNANCY)).isEmpty();
  }

  @Test
  void aCodedFeverWithAGoutFlare_isSepticArthritisUntilTheJointIsAspirated() {
    var assessment =
        legPainNow()
            .hasOn(Disorder.GOUT, Side.RIGHT, TODAY.minusDays(2))
            .hasOn(Disorder.FEVER, Side.UNSPECIFIED, TODAY.minusDays(1))
            .assess();
    RaisedFlag septic = flag(assessment, RedFlag.INFECTION_OR_MALIGNANCY);
    assertThat(septic.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(septic.guidance()).isEqualTo(FlagGuidance.SEPTIC_ARTHRITIS);

    // a flare of six weeks ago is no hot joint now: the fever gets the general infection card
    var oldFlare =
        legPainNow()
            .hasOn(Disorder.GOUT, Side.RIGHT, TODAY.minusWeeks(6))
            .hasOn(Disorder.FEVER, Side.UNSPECIFIED, TODAY.minusDays(1))
            .assess();
    assertThat(flag(oldFlare, RedFlag.INFECTION_OR_MALIGNANCY).guidance())
        .isNotEqualTo(FlagGuidance.SEPTIC_ARTHRITIS);
  }

  @Test
  void aCodedFootDrop_isANeurologicalDeficit() {
    var assessment = legPainNow().hasOn(Disorder.FOOT_DROP, Side.LEFT, TODAY.minusDays(3)).assess();
    assertThat(findings(flag(assessment, RedFlag.PROGRESSIVE_NEUROLOGICAL_DEFICIT)))
        .contains("Foot drop left");
  }

  @Test
  void aLegEmbolismCodedThisWeek_isAcuteLimbIschaemia_oneOfTwoMonthsAgoIsNot() {
    var now =
        legPainNow()
            .hasOn(Disorder.ACUTE_LIMB_ISCHEMIA, Side.LEFT, TODAY.minusDays(1))
            .has(Disorder.ATRIAL_FIBRILLATION)
            .assess();
    assertThat(flag(now, RedFlag.ACUTE_LIMB_ISCHEMIA).urgency()).isEqualTo(Urgency.CRITICAL);

    var before =
        legPainNow().hasOn(Disorder.ACUTE_LIMB_ISCHEMIA, Side.LEFT, TODAY.minusDays(60)).assess();
    assertThat(before.flag(RedFlag.ACUTE_LIMB_ISCHEMIA)).isEmpty();
  }

  @Test
  void alcoholWithLowFolateAndMacrocytosis_namesAlcoholAndThiamineOnTheNeuropathy() {
    var assessment =
        legPainNow()
            .hasOn(Disorder.SENSORY_SYMPTOMS, Side.UNSPECIFIED, TODAY.minusDays(10))
            .has(Disorder.ALCOHOL_MISUSE)
            .measured(Measure.FOLATE, 2.4)
            .measured(Measure.MEAN_CORPUSCULAR_VOLUME, 104)
            .assess();
    assertThat(assessment.leading().cause()).isEqualTo(Cause.PERIPHERAL_NEUROPATHY);
    assertThat(assessment.leading().likelihood()).isEqualTo(Likelihood.MODERATE);
    assertThat(assessment.leading().supporting())
        .extracting(Finding::text)
        .anyMatch(t -> t.contains("Alcohol") && t.contains("thiamine"))
        .anyMatch(t -> t.startsWith("Folate 2.4"))
        .anyMatch(t -> t.startsWith("MCV 104"));
  }

  @Test
  void aRaisedCkOnAStatin_isMuscleInjury_withTheInteractionNamed() {
    var assessment =
        legPainNow()
            .takes(DrugClass.STATIN, "simvastatin 40 mg")
            .takes(DrugClass.CYP3A4_INHIBITOR, "clarithromycin 500 mg")
            .measured(Measure.CREATINE_KINASE, 4850)
            .assess();
    MedicationEffect effect = effect(assessment, MedicationEffect.Kind.STATIN_MUSCLE_INJURY);
    assertThat(effect.findings())
        .extracting(Finding::text)
        .anyMatch(t -> t.contains("about 24×") && t.contains("stop the statin"))
        .anyMatch(t -> t.contains("clarithromycin"));
  }

  @Test
  void codedCrampsOnSimvastatinAboveItsCapWithAmlodipine_namesTheCap_withoutAQuestionnaire() {
    var capped =
        patient()
            .complaintDiagnosed(Disorder.LEG_CRAMPS, TODAY.minusDays(5))
            .takes(DrugClass.STATIN, "simvastatin 40 mg")
            .takes(DrugClass.STATIN_DOSE_LIMITING, "amlodipine 10 mg")
            .assess();
    assertThat(effect(capped, MedicationEffect.Kind.STATIN_MYOPATHY).findings())
        .extracting(Finding::text)
        .anyMatch(t -> t.contains("capped at 20 mg"));

    var withinCap =
        patient()
            .complaintDiagnosed(Disorder.LEG_CRAMPS, TODAY.minusDays(5))
            .takes(DrugClass.STATIN, "simvastatin 20 mg")
            .takes(DrugClass.STATIN_DOSE_LIMITING, "amlodipine 10 mg")
            .assess();
    assertThat(withinCap.medicationEffects()).isEmpty();
  }

  @Test
  void swellingOfBothLegsOnAmlodipine_namesTheDrug() {
    var assessment =
        legPainNow()
            .takes(DrugClass.DIHYDROPYRIDINE, "amlodipine 10 mg")
            .answered(r -> r.swelling(Answers.Swelling.BOTH_LEGS))
            .assess();
    assertThat(effect(assessment, MedicationEffect.Kind.CALCIUM_CHANNEL_BLOCKER_OEDEMA).drugs())
        .extracting(Medication::name)
        .containsExactly("amlodipine 10 mg");
  }
}
