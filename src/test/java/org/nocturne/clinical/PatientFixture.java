package org.nocturne.clinical;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.nocturne.CardBudget;
import org.nocturne.cards.AnswerCoherence;
import org.nocturne.cards.CardContext;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cards.NotRead;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.LegPainComplaint;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Medication;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.facts.Sex;
import org.nocturne.clinical.facts.Side;
import org.nocturne.clinical.facts.SymptomReport;
import org.nocturne.clinical.knowledge.Knowledge;

/** Builds {@link PatientFacts} for clinical vignettes, with readable provenance. */
public final class PatientFixture {
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  public static final String QR = "QuestionnaireResponse/qr1";
  public static final CauseModel MODEL = new CauseModel(Knowledge.load(), ComplaintWindow.DEFAULT);
  private static final CardRenderer RENDERER =
      new CardRenderer(MODEL.knowledge(), FhirContext.forR4Cached());
  private static final CardContext CONTEXT =
      new CardContext("h-scenario", "p1", "https://cds.example.org", null);

  private Integer age = 60;
  private Sex sex = Sex.FEMALE;
  private final List<Diagnosis> diagnoses = new ArrayList<>();
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<Medication> medications = new ArrayList<>();
  private SymptomReport report;
  private final List<String> unavailable = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<LegPainComplaint> complaints = new ArrayList<>();

  public static PatientFixture patient() {
    return new PatientFixture();
  }

  public PatientFixture age(Integer years) {
    age = years;
    return this;
  }

  public PatientFixture sex(Sex value) {
    sex = value;
    return this;
  }

  public PatientFixture has(Disorder disorder) {
    diagnoses.add(Diagnosis.current(disorder, "Condition/" + slug(disorder)));
    return this;
  }

  public PatientFixture hadInThePast(Disorder disorder) {
    diagnoses.add(
        new Diagnosis(
            disorder, LocalDate.of(2015, 1, 1), true, "Condition/past-" + slug(disorder)));
    return this;
  }

  public PatientFixture measured(Measure measure, double value, Side side, LocalDate date) {
    String id = slug(measure) + (side == Side.UNSPECIFIED ? "" : "-" + side.label());
    measurements.add(new Measurement(measure, value, side, date, "Observation/" + id));
    return this;
  }

  public PatientFixture measured(Measure measure, double value, Side side) {
    return measured(measure, value, side, TODAY.minusMonths(1));
  }

  public PatientFixture measured(Measure measure, double value) {
    return measured(measure, value, Side.UNSPECIFIED);
  }

  public PatientFixture abi(double left, double right) {
    return measured(Measure.ANKLE_BRACHIAL_INDEX, left, Side.LEFT)
        .measured(Measure.ANKLE_BRACHIAL_INDEX, right, Side.RIGHT);
  }

  public PatientFixture takes(DrugClass drugClass, String name) {
    medications.add(
        new Medication(drugClass, name, "MedicationRequest/" + name.toLowerCase(Locale.ROOT)));
    return this;
  }

  /** Answered two days ago: a current complaint. */
  public PatientFixture answered(UnaryOperator<SymptomReport.Builder> answers) {
    return answeredOn(TODAY.minusDays(2), answers);
  }

  public PatientFixture answeredOn(LocalDate date, UnaryOperator<SymptomReport.Builder> answers) {
    report = answers.apply(SymptomReport.builder(QR).authored(date)).build();
    return this;
  }

  /** A leg-pain diagnosis on the record, with its onset and recorded dates (either may be null). */
  public PatientFixture complaintOnRecord(LocalDate onset, LocalDate recorded) {
    complaints.add(
        new LegPainComplaint(onset, recorded, "Condition/leg-pain-" + complaints.size()));
    return this;
  }

  /**
   * One Condition that is both a leg-pain complaint and a diagnosis (G47.62 is leg cramps and the
   * current complaint), begun and recorded on {@code onset}.
   */
  public PatientFixture complaintDiagnosed(Disorder disorder, LocalDate onset) {
    String source = "Condition/complaint-" + slug(disorder);
    complaints.add(new LegPainComplaint(onset, onset, source));
    diagnoses.add(new Diagnosis(disorder, onset, false, source));
    return this;
  }

  public PatientFixture hasSince(Disorder disorder, LocalDate onset) {
    diagnoses.add(new Diagnosis(disorder, onset, false, "Condition/" + slug(disorder)));
    return this;
  }

  /** A diagnosis of one leg (or both: {@code Side.UNSPECIFIED}) that began on {@code onset}. */
  public PatientFixture hasOn(Disorder disorder, Side side, LocalDate onset) {
    diagnoses.add(
        new Diagnosis(
            disorder,
            onset,
            false,
            "Condition/" + slug(disorder) + "-" + side.name().toLowerCase(Locale.ROOT),
            side));
    return this;
  }

  public PatientFixture takesSince(DrugClass drugClass, String name, LocalDate since) {
    medications.add(
        new Medication(
            drugClass, name, "MedicationRequest/" + name.toLowerCase(Locale.ROOT), since));
    return this;
  }

  public PatientFixture couldNotRead(String section) {
    unavailable.add(section);
    return this;
  }

  public PatientFixture skipped(String reason) {
    skipped.add(reason);
    return this;
  }

  public PatientFacts facts() {
    return new PatientFacts(
        "Patient/p1",
        age,
        sex,
        diagnoses,
        measurements,
        medications,
        report,
        unavailable,
        skipped,
        complaints);
  }

  /** The assessment; its patient-view cards are held to the card budget on every scenario. */
  public Assessment assess() {
    Assessment assessment = MODEL.assess(facts(), TODAY);
    List<String> problems =
        CardBudget.patientView(RENDERER.patientView(assessment, CONTEXT, NotRead.nothing()));
    if (!problems.isEmpty()) {
      throw new AssertionError("the card budget is broken: " + problems);
    }
    // the cards of one answer agree with each other (one checker, on every scenario)
    List<String> incoherent =
        AnswerCoherence.violations(RENDERER.patientView(assessment, CONTEXT, NotRead.nothing()));
    if (!incoherent.isEmpty()) {
      throw new AssertionError("the cards contradict each other: " + incoherent);
    }
    return assessment;
  }

  private static String slug(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
