package org.nocturne.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** What the mappers read from a CodeableConcept besides its codings: a first code, or its words. */
final class Concepts {
  private Concepts() {}

  /** The first non-blank code, or "" (status and interpretation concepts carry one). */
  static String firstCode(CodeableConcept concept) {
    if (concept == null) {
      return "";
    }
    return concept.getCoding().stream()
        .map(Coding::getCode)
        .filter(c -> c != null && !c.isBlank())
        .findFirst()
        .orElse("");
  }

  /** The text and every coding's display, for matching by name. */
  static String words(CodeableConcept concept) {
    StringBuilder text = new StringBuilder(concept.hasText() ? concept.getText() : "");
    concept
        .getCoding()
        .forEach(coding -> text.append(' ').append(coding.hasDisplay() ? coding.getDisplay() : ""));
    return text.toString();
  }
}
