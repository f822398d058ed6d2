package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An active medication, by class.
 *
 * @param name the ingredient or product name as recorded, for the card text
 * @param source where it came from, e.g. {@code MedicationRequest/m1}
 * @param byNameOnly whether the drug was recognised only by the name an unresolved reference
 *     carried (no code, no Medication resource): the card says so, so it can be checked
 * @param since when it was started or prescribed ({@code authoredOn}, the statement's start), or
 *     {@code null}
 */
public record Medication(
    DrugClass drugClass, String name, String source, boolean byNameOnly, LocalDate since) {
  public Medication {
    Objects.requireNonNull(drugClass, "drugClass");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  /** A drug the record names with a code or a Medication resource. */
  public Medication(DrugClass drugClass, String name, String source) {
    this(drugClass, name, source, false, null);
  }

  public Medication(DrugClass drugClass, String name, String source, boolean byNameOnly) {
    this(drugClass, name, source, byNameOnly, null);
  }

  public Medication(DrugClass drugClass, String name, String source, LocalDate since) {
    this(drugClass, name, source, false, since);
  }

  /** The name, with "since <date>" when the record says when it was started. */
  public String nameSince() {
    return since == null ? name : name + " (since " + Format.date(since) + ")";
  }
}
