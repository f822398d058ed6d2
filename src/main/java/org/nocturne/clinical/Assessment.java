package org.nocturne.clinical;

import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.Recommendation;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.facts.Complaint;
import org.nocturne.clinical.facts.Measurement;

/**
 * The model's conclusions, each explained.
 *
 * @param causes all seven causes, highest score first
 * @param redFlags critical first
 * @param advice self-care advice that fits the likely causes and contradicts none of them
 * @param withheldAdvice advice that would fit a likely cause but is unsafe or unproven safe here
 * @param gaps what the model did not see and how that limits it, in plain words
 * @param complaint whether there is a current complaint to speak about, and the questionnaire used
 * @param burden severity, frequency and sleep, as one line of the differential
 * @param medicationEffects drugs on the list that may cause the symptoms (statin myopathy)
 * @param onRecord fresh results the work-up rests on, shown with value and date, not re-ordered
 * @param context conditions on record that change the management of any cause (pregnancy,
 *     dialysis), each named with its consequence
 */
public record Assessment(
    boolean questionnaireAnswered,
    List<CauseAssessment> causes,
    List<RaisedFlag> redFlags,
    List<Recommendation> nextSteps,
    List<Advice> advice,
    List<Advice> withheldAdvice,
    List<String> gaps,
    Complaint complaint,
    PainBurden burden,
    List<MedicationEffect> medicationEffects,
    List<Measurement> onRecord,
    List<Finding> context) {
  public Assessment {
    causes = List.copyOf(causes);
    redFlags = List.copyOf(redFlags);
    nextSteps = List.copyOf(nextSteps);
    advice = List.copyOf(advice);
    withheldAdvice = List.copyOf(withheldAdvice);
    gaps = List.copyOf(gaps);
    medicationEffects = List.copyOf(medicationEffects);
    onRecord = List.copyOf(onRecord);
    context = List.copyOf(context);
  }

  public CauseAssessment leading() {
    return causes.get(0);
  }

  public CauseAssessment of(Cause cause) {
    return causes.stream().filter(c -> c.cause() == cause).findFirst().orElseThrow();
  }

  public Optional<RaisedFlag> flag(RedFlag flag) {
    return redFlags.stream().filter(raised -> raised.flag() == flag).findFirst();
  }

  public Optional<Recommendation> step(NextStep step) {
    return nextSteps.stream().filter(recommendation -> recommendation.step() == step).findFirst();
  }
}
