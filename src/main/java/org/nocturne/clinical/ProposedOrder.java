package org.nocturne.clinical;

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
 */
public record ProposedOrder(
    String reference,
    String name,
    Set<DrugClass> drugClasses,
    boolean compression,
    Set<Disorder> reasons) {
  public ProposedOrder {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(name, "name");
    drugClasses = Set.copyOf(drugClasses);
    reasons = Set.copyOf(reasons);
  }

  public boolean is(DrugClass drugClass) {
    return drugClasses.contains(drugClass);
  }
}
