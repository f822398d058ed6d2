package org.nocturne.clinical.facts;

import java.util.Objects;
import java.util.Set;

/**
 * A draft order the clinician is composing or signing, as the safety checks see it.
 *
 * @param reference the draft resource, e.g. {@code MedicationRequest/draft-1}
 * @param name what is ordered, as the order names it
 * @param drugClasses the classes of a medication order (empty for other orders)
 * @param compression whether it orders compression stockings or bandaging
 * @param reasons the disorders given as its reason
 * @param byNameOnly whether the drug was recognised only by the name its unresolved reference
 *     carried: the card says so
 */
public record ProposedOrder(
    String reference,
    String name,
    Set<DrugClass> drugClasses,
    boolean compression,
    Set<Disorder> reasons,
    boolean byNameOnly) {
  public ProposedOrder {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(name, "name");
    drugClasses = Set.copyOf(drugClasses);
    reasons = Set.copyOf(reasons);
  }

  /** An order whose drug (if any) is coded or named by a Medication resource. */
  public ProposedOrder(
      String reference,
      String name,
      Set<DrugClass> drugClasses,
      boolean compression,
      Set<Disorder> reasons) {
    this(reference, name, drugClasses, compression, reasons, false);
  }

  public boolean is(DrugClass drugClass) {
    return drugClasses.contains(drugClass);
  }
}
