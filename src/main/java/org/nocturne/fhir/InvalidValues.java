package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Drops every value HAPI could not read, at any depth. A lenient parse keeps an invalid value's
 * text while its typed value is null: a {@code gender} of {@code "robot"} is "present" ({@code
 * hasGender()}) but {@code getGender()} is null, and the first {@code switch} over it was a 500 for
 * every call about that patient. Cleared here, the element is simply absent: the field is lost,
 * never the answer.
 *
 * <p>HAPI keeps such a value only where its parser reported it to the error handler ({@link Seen}):
 * a parse that reported none has nothing to clear, and the walk over every element (a tenth of a
 * card call) is skipped.
 */
final class InvalidValues {
  private InvalidValues() {}

  /**
   * The lenient handler (unknown elements ignored, nothing logged, so no value is) that also notes
   * whether any value was invalid.
   */
  static final class Seen extends LenientErrorHandler {
    private boolean any;

    /**
     * @param strict whether an invalid value (a date that is not a date) fails the parse
     */
    Seen(boolean strict) {
      super(false);
      setErrorOnInvalidValue(strict);
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
      any = true;
      super.invalidValue(location, value, error);
    }

    void invalid() {
      any = true;
    }

    /** Whether the parse reported an invalid value (or was not a single parse). */
    boolean any() {
      return any;
    }
  }

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
