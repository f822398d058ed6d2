package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Drops every value HAPI could not read, at any depth. A lenient parse keeps an invalid value's
 * text while its typed value is null: a {@code gender} of {@code "robot"} is "present" ({@code
 * hasGender()}) but {@code getGender()} is null, and the first {@code switch} over it was a 500 for
 * every call about that patient. Cleared here, the element is simply absent: the field is lost,
 * never the answer.
 */
final class InvalidValues {
  private InvalidValues() {}

  static <T extends Resource> T clear(FhirContext fhir, T resource) {
    FhirTerser terser = fhir.newTerser();
    for (PrimitiveType<?> primitive :
        terser.getAllPopulatedChildElementsOfType(resource, PrimitiveType.class)) {
      if (primitive.getValue() == null && primitive.getValueAsString() != null) {
        primitive.setValue(null);
      }
    }
    return resource;
  }
}
