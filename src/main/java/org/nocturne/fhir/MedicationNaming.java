package org.nocturne.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What an order's {@code medication[x]} names, however the EHR wrote it: a CodeableConcept, or a
 * reference to a Medication (contained, beside it in the Bundle, or fetched from the FHIR server),
 * and failing these the reference's {@code display}, matched by name. Epic's prefetched orders
 * carry an absolute reference with a display and no Medication: read by the display, such a drug is
 * still recognised, and the card says it was known only by its name.
 */
final class MedicationNaming {
  /** The codes and words of the drug, the name the card shows, and how it was known. */
  record Named(List<Coding> codings, List<String> texts, String name, boolean byNameOnly) {
    Named {
      codings = List.copyOf(codings);
      texts = List.copyOf(texts);
    }
  }

  private MedicationNaming() {}

  /**
   * @return the drug, or empty when the order names none that can be read
   */
  static Optional<Named> of(
      Resource order, CodeableConcept concept, Reference reference, MedicationLookup lookup) {
    List<Coding> codings = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    if (concept == null && reference != null) {
      Optional<Medication> medication = lookup.find(order, reference);
      if (medication.isEmpty()) {
        if (!reference.hasDisplay() || reference.getDisplay().isBlank()) {
          return Optional.empty();
        }
        String display = reference.getDisplay().strip();
        return Optional.of(new Named(List.of(), List.of(display), display, true));
      }
      concept = medication.get().getCode();
      medication.get().getIngredient().stream()
          .filter(Medication.MedicationIngredientComponent::hasItemCodeableConcept)
          .forEach(ingredient -> add(ingredient.getItemCodeableConcept(), codings, texts));
      if (!concept.hasText() && !concept.hasCoding() && reference.hasDisplay()) {
        texts.add(reference.getDisplay());
      }
    }
    if (concept == null) {
      return Optional.empty();
    }
    add(concept, codings, texts);
    String name =
        concept.hasText()
            ? concept.getText()
            : texts.isEmpty()
                ? (reference != null && reference.hasDisplay() ? reference.getDisplay() : null)
                : texts.get(0);
    return Optional.of(new Named(codings, texts, name, false));
  }

  static void add(CodeableConcept concept, List<Coding> codings, List<String> texts) {
    codings.addAll(concept.getCoding());
    if (concept.hasText()) {
      texts.add(concept.getText());
    }
    concept.getCoding().stream()
        .filter(Coding::hasDisplay)
        .forEach(coding -> texts.add(coding.getDisplay()));
  }
}
