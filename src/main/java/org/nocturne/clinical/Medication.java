package org.nocturne.clinical;

import java.util.Objects;

/**
 * An active medication, by class.
 *
 * @param name the ingredient or product name as recorded, for the card text
 * @param source where it came from, e.g. {@code MedicationRequest/m1}
 */
public record Medication(DrugClass drugClass, String name, String source) {
  public Medication {
    Objects.requireNonNull(drugClass, "drugClass");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
