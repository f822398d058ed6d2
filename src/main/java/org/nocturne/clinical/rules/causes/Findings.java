package org.nocturne.clinical.rules.causes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.facts.Format;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Medication;

/** Collects a rule's findings; {@code when} keeps each rule a flat list of clinical statements. */
public final class Findings {
  /** The basis of every finding that rests on a recorded diagnosis. */
  public static final String RECORDED_DIAGNOSIS =
      "Recorded diagnosis: raises its cause, never decides it alone";

  /**
   * The basis of a diagnosis that is itself the current complaint (begun or recorded within the
   * complaint window): a clinician named this cause for the pain now, which the record alone should
   * not rank below moderate.
   */
  public static final String CURRENT_COMPLAINT =
      "Diagnosed for the current complaint: a clinician's recent diagnosis of this leg pain";

  /** With a problem-list diagnosis (3-4 points), a current one reaches moderate on its own. */
  static final int CURRENT_COMPLAINT_POINTS = 2;

  private final List<Finding> list = new ArrayList<>();

  Findings when(boolean condition, int points, String text, String basis, List<String> evidence) {
    if (condition) {
      list.add(new Finding(text, points, basis, evidence));
    }
    return this;
  }

  Findings when(boolean condition, int points, String text, String basis, String evidence) {
    return when(condition, points, text, basis, List.of(evidence));
  }

  /** Adds the finding when there is evidence for it. */
  Findings whenEvidence(List<String> evidence, int points, String text, String basis) {
    return when(!evidence.isEmpty(), points, text, basis, evidence);
  }

  /** One finding per medication, each naming the drug. */
  Findings forEach(List<Medication> medications, int points, String prefix, String basis) {
    for (Medication medication : medications) {
      list.add(
          new Finding(prefix + medication.name(), points, basis, List.of(medication.source())));
    }
    return this;
  }

  /** Adds the result, when there is one, as "Folate 2.4 ng/mL (19 Nov 2026)" and its reading. */
  Findings whenResult(
      Optional<Measurement> result, int points, String name, String reading, String basis) {
    result.ifPresent(m -> when(true, points, Format.result(name, m) + reading, basis, m.source()));
    return this;
  }

  List<Finding> list() {
    return List.copyOf(list);
  }
}
