package org.nocturne.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Knowledge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The cause model alone, on a typical patient: a full questionnaire and a dozen record facts. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CauseModelBenchmark {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private CauseModel model;
  private PatientFacts typical;

  @Setup
  public void setUp() {
    model = new CauseModel(Knowledge.load(), ComplaintWindow.DEFAULT);
    SymptomReport report =
        SymptomReport.builder("QuestionnaireResponse/qr1")
            .onset(Answers.Onset.TWO_WEEKS_TO_3_MONTHS)
            .nightsPerWeek(Answers.NightsPerWeek.SIX_TO_SEVEN)
            .painSeverity(7)
            .character(Answers.PainCharacter.ACHING_HEAVINESS, Answers.PainCharacter.BURNING)
            .location(Answers.Location.FOOT_TOES)
            .laterality(Answers.Laterality.LEFT)
            .episodeDuration(Answers.EpisodeDuration.HOURS)
            .swelling(Answers.Swelling.NONE)
            .skinChanges(Answers.SkinChange.SHINY_HAIRLESS)
            .yes(
                Item.RELIEF_DANGLING,
                Item.WORSE_LYING_FLAT,
                Item.WORSE_EVENING_AT_REST,
                Item.EXERTIONAL_CALF_PAIN)
            .yes(Item.NOT_IMPROVING_WITH_HOME_CARE, Item.SLEEP_DISRUPTED)
            .no(
                Item.SUDDEN_ONSET,
                Item.RELIEF_STRETCHING,
                Item.RELIEF_MOVING,
                Item.RELIEF_ELEVATION)
            .no(
                Item.COLD_PALE_LEG,
                Item.NEW_WEAKNESS_OR_NUMBNESS,
                Item.BLADDER_OR_BOWEL_CHANGE,
                Item.SADDLE_NUMBNESS)
            .no(
                Item.FEVER,
                Item.WEIGHT_LOSS,
                Item.CALF_TENDERNESS,
                Item.RECENT_IMMOBILITY_OR_SURGERY)
            .build();
    LocalDate lastMonth = TODAY.minusMonths(1);
    typical =
        new PatientFacts(
            "Patient/p1",
            69,
            Sex.FEMALE,
            List.of(
                Diagnosis.current(Disorder.DIABETES, "Condition/dm2"),
                Diagnosis.current(Disorder.ATRIAL_FIBRILLATION, "Condition/af"),
                Diagnosis.current(Disorder.OSTEOARTHRITIS, "Condition/oa")),
            List.of(
                new Measurement(
                    Measure.ANKLE_BRACHIAL_INDEX, 0.58, Side.LEFT, lastMonth, "Observation/abi-l"),
                new Measurement(
                    Measure.ANKLE_BRACHIAL_INDEX, 0.86, Side.RIGHT, lastMonth, "Observation/abi-r"),
                new Measurement(Measure.HBA1C, 7.4, Side.UNSPECIFIED, lastMonth, "Observation/a1c"),
                new Measurement(Measure.EGFR, 68, Side.UNSPECIFIED, lastMonth, "Observation/egfr"),
                new Measurement(
                    Measure.FERRITIN, 90, Side.UNSPECIFIED, lastMonth, "Observation/ferritin")),
            List.of(
                new Medication(
                    DrugClass.THIAZIDE_DIURETIC, "Hydrochlorothiazide", "MedicationRequest/hctz"),
                new Medication(DrugClass.STATIN, "Atorvastatin", "MedicationRequest/atorva")),
            report,
            List.of(),
            List.of());
  }

  @Benchmark
  public Assessment assessTypicalPatient() {
    return model.assess(typical, TODAY);
  }
}
