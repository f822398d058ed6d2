package org.nocturne.clinical;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An active medication, by class.
 *
 * @param name the ingredient or product name as recorded, for the card text
 * @param source where it came from, e.g. {@code MedicationRequest/m1}
 * @param since when it was started or prescribed ({@code authoredOn}, the statement's start), or
 *     {@code null}
 */
public record Medication(DrugClass drugClass, String name, String source, LocalDate since) {
  public Medication(DrugClass drugClass, String name, String source) {
    this(drugClass, name, source, null);
  }

  /** The name, with "since <date>" when the record says when it was started. */
  public String nameSince() {
    return since == null ? name : name + " (since " + Format.date(since) + ")";
  }

  public Medication {
    Objects.requireNonNull(drugClass, "drugClass");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
