package org.nocturne.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.LegPainComplaint;
import org.nocturne.clinical.facts.Side;

/**
 * Conditions to diagnoses. A condition counts unless it is refuted or entered in error; it is
 * current when active, recurring or relapsed (or when the status is absent), and history when
 * inactive, in remission or resolved.
 */
final class ConditionMapper {
  private static final Set<String> CURRENT = Set.of("active", "recurrence", "relapse");
  private static final Set<String> HISTORY = Set.of("inactive", "remission", "resolved");
  private static final Set<String> CURRENT_OR_UNSTATED =
      Set.of("active", "recurrence", "relapse", "");
  private static final Set<String> DISCOUNTED = Set.of("refuted", "entered-in-error");

  private final CodeSets codes;

  ConditionMapper(CodeSets codes) {
    this.codes = codes;
  }

  /** Whether a condition with this code can become a diagnosis or the leg-pain complaint. */
  boolean reads(CodeableConcept code) {
    return codes.isLegPainComplaint(code) || !codes.disorders(code).isEmpty();
  }

  List<Diagnosis> map(List<Resource> resources, Skipped skipped) {
    List<Diagnosis> diagnoses = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource instanceof Condition condition) {
        map(condition, diagnoses, skipped);
      }
    }
    return diagnoses;
  }

  private void map(Condition condition, List<Diagnosis> out, Skipped skipped) {
    String reference = References.of(condition);
    if (DISCOUNTED.contains(Concepts.firstCode(condition.getVerificationStatus()))) {
      return;
    }
    String clinical = Concepts.firstCode(condition.getClinicalStatus());
    boolean historical = HISTORY.contains(clinical);
    if (!clinical.isEmpty() && !historical && !CURRENT.contains(clinical)) {
      skipped.add(reference, "unknown clinical status '" + clinical + "'");
      return;
    }
    Side side = Side.UNSPECIFIED;
    for (CodeableConcept site : condition.getBodySite()) {
      side = side == Side.UNSPECIFIED ? ObservationMapper.side(site) : side;
    }
    if (side == Side.UNSPECIFIED) {
      side = ObservationMapper.side(condition.getCode());
    }
    for (Disorder disorder : codes.disorders(condition.getCode())) {
      out.add(new Diagnosis(disorder, onset(condition), historical, reference, side));
    }
  }

  /** Current leg-pain diagnoses with their onset and recorded dates. */
  List<LegPainComplaint> complaints(List<Resource> resources) {
    List<LegPainComplaint> complaints = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource instanceof Condition condition
          && !DISCOUNTED.contains(Concepts.firstCode(condition.getVerificationStatus()))
          && CURRENT_OR_UNSTATED.contains(Concepts.firstCode(condition.getClinicalStatus()))
          && codes.isLegPainComplaint(condition.getCode())) {
        complaints.add(
            new LegPainComplaint(
                onset(condition),
                FhirDates.localDate(condition.getRecordedDateElement()),
                References.of(condition)));
      }
    }
    return complaints;
  }

  private static LocalDate onset(Condition condition) {
    if (condition.hasOnsetDateTimeType()) {
      return FhirDates.localDate(condition.getOnsetDateTimeType());
    }
    return condition.hasOnsetPeriod()
        ? FhirDates.localDate(condition.getOnsetPeriod().getStartElement())
        : null;
  }
}
