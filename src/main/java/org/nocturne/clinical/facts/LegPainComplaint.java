package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An active leg-pain diagnosis on the record (ValueSet {@code leg-pain-complaint}): what makes a
 * chart opening a consultation about leg pain even without a questionnaire.
 *
 * @param onset when it began, or {@code null}
 * @param recorded when it was recorded, or {@code null}
 * @param source e.g. {@code Condition/sciatica-2026}
 */
public record LegPainComplaint(LocalDate onset, LocalDate recorded, String source) {
  public LegPainComplaint {
    Objects.requireNonNull(source, "source");
  }
}
