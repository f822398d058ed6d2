package org.nocturne.clinical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.CauseAssessment;
import org.nocturne.clinical.conclusions.Likelihood;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Threshold;
import org.nocturne.clinical.plan.NextStepPlanner;
import org.nocturne.clinical.plan.SelfCareAdvisor;
import org.nocturne.clinical.rules.Evaluation;
import org.nocturne.clinical.rules.causes.CauseRule;
import org.nocturne.clinical.rules.causes.CauseRules;
import org.nocturne.clinical.rules.medication.MedicationEffects;
import org.nocturne.clinical.rules.redflags.RedFlagRule;
import org.nocturne.clinical.rules.redflags.RedFlagRules;

/**
 * Turns facts into an explained assessment: every cause scored by its rule, the red flags, the next
 * steps and the self-care advice. Deterministic: the evaluation date is a parameter.
 */
public final class CauseModel {
  private final Knowledge knowledge;
  private final ComplaintWindow window;
  private final List<CauseRule> causeRules = CauseRules.all();
  private final List<RedFlagRule> flagRules = RedFlagRules.all();

  public CauseModel(Knowledge knowledge, ComplaintWindow window) {
    this.knowledge = knowledge;
    this.window = window;
  }

  public Knowledge knowledge() {
    return knowledge;
  }

  /**
   * A raised red flag governs its companions: beside a suspected DVT or unexplained swelling,
   * chronic venous disease is not named as the cause (the clot is excluded first, NICE NG158).
   */
  private static List<CauseAssessment> governedByFlags(
      List<CauseAssessment> causes, List<RaisedFlag> flags, Evaluation e) {
    Set<RedFlag> raised = flags.stream().map(RaisedFlag::flag).collect(Collectors.toSet());
    boolean clot =
        raised.contains(RedFlag.DEEP_VEIN_THROMBOSIS)
            || raised.contains(RedFlag.UNEXPLAINED_SWELLING);
    boolean ischaemia =
        raised.contains(RedFlag.CHRONIC_LIMB_THREATENING_ISCHEMIA)
            || raised.contains(RedFlag.ACUTE_LIMB_ISCHEMIA);
    if (!clot && !ischaemia) {
      return causes;
    }
    CauseAssessment top = causes.get(0);
    int lowest = causes.stream().mapToInt(CauseAssessment::score).min().orElse(0);
    int below = (int) e.t(Threshold.LIKELIHOOD_MODERATE_MIN) - 1;
    List<CauseAssessment> held = new ArrayList<>();
    for (CauseAssessment c : causes) {
      List<String> limits = new ArrayList<>(c.limits());
      if (clot && c.cause() == Cause.VENOUS_INSUFFICIENCY) {
        // beside a suspected clot, chronic venous disease is not named: the clot comes first
        limits.add(
            "Held back: a suspected DVT or unexplained swelling is assessed first (NICE NG158)");
        held.add(
            new CauseAssessment(
                c.cause(),
                Math.min(Math.min(c.score(), below), lowest - 1),
                Likelihood.LOW,
                c.supporting(),
                c.against(),
                limits));
      } else if (ischaemia
          && c.cause() == Cause.PERIPHERAL_ARTERY_DISEASE
          && top.cause() != Cause.PERIPHERAL_ARTERY_DISEASE
          && c.score() < top.score()) {
        // limb-threatening ischaemia is arterial disease: it leads the differential
        limits.add("Raised to lead: limb-threatening ischaemia is arterial disease (GVG 2019)");
        held.add(
            new CauseAssessment(
                c.cause(), top.score(), top.likelihood(), c.supporting(), c.against(), limits));
      } else {
        held.add(c);
      }
    }
    return held.stream()
        .sorted(
            Comparator.comparingInt(CauseAssessment::score)
                .reversed()
                .thenComparing(c -> c.cause() != Cause.PERIPHERAL_ARTERY_DISEASE || !ischaemia))
        .toList();
  }

  /** The cause a red flag is a form of: limb-threatening ischaemia is arterial disease. */
  static Optional<Cause> governedCause(RedFlag flag) {
    return switch (flag) {
      case ACUTE_LIMB_ISCHEMIA, CHRONIC_LIMB_THREATENING_ISCHEMIA ->
          Optional.of(Cause.PERIPHERAL_ARTERY_DISEASE);
      case CAUDA_EQUINA -> Optional.of(Cause.SCIATICA);
      default -> Optional.empty();
    };
  }

  public Assessment assess(PatientFacts facts, LocalDate today) {
    Evaluation e = new Evaluation(facts, knowledge, today, window);
    List<RaisedFlag> flags =
        flagRules.stream()
            .map(rule -> rule.check(e))
            .flatMap(Optional::stream)
            .sorted(Comparator.comparing(RaisedFlag::urgency).reversed())
            .toList();
    // a raised red flag governs its companions: at equal score its cause ranks first
    Set<Cause> governed =
        flags.stream()
            .map(f -> governedCause(f.flag()))
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    List<CauseAssessment> causes =
        causeRules.stream()
            .map(rule -> Scoring.assess(rule, e))
            .sorted(
                Comparator.comparingInt(CauseAssessment::score)
                    .reversed()
                    .thenComparing(c -> !governed.contains(c.cause())))
            .toList();
    causes = governedByFlags(causes, flags, e);
    SelfCareAdvisor.Plan selfCare = SelfCareAdvisor.advise(e, causes);
    List<MedicationEffect> effects = MedicationEffects.of(e, causes);
    NextStepPlanner.Plan plan = NextStepPlanner.plan(e, causes, flags, effects);
    return new Assessment(
        e.report().isPresent(),
        causes,
        flags,
        plan.steps(),
        selfCare.advised(),
        selfCare.withheld(),
        Gaps.of(e, causes),
        e.complaint(),
        PainBurden.of(e),
        effects,
        plan.onRecord(),
        ManagementContext.of(e, causes, effects));
  }
}
