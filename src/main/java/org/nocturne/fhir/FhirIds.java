package org.nocturne.fhir;

import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 resource ids ({@code [A-Za-z0-9\-\.]{1,64}}): only such ids reach a card, a reference or
 * a suggestion, so an id can never carry markup or point a delete action elsewhere.
 */
public final class FhirIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private FhirIds() {}

  /** A FHIR id that is also safe as a URL path segment (not {@code .} or {@code ..}). */
  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /** Drops an id that is not a FHIR id: the resource is read, but shown without an id. */
  static void clearIfInvalid(Resource resource) {
    if (resource.hasIdElement() && !valid(resource.getIdElement().getIdPart())) {
      resource.setId((String) null);
    }
  }
}
