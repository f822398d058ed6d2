package org.nocturne.fhir;

import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 resource ids ({@code [A-Za-z0-9\-\.]{1,64}}): only such ids reach a card, a reference or
 * a suggestion, so an id can never carry markup or point a delete action elsewhere.
 */
public final class FhirIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /**
   * The ids EHRs give unsigned orders and their Medications: Epic's run to about 190 characters,
   * beyond FHIR's 64. Bounded and of safe characters (never markup, never a path step); such an id
   * names a resource in a suggestion and is never pasted into a URL.
   */
  private static final Pattern EHR_ID = Pattern.compile("[A-Za-z0-9\\-._]{1,256}");

  private FhirIds() {}

  /** A FHIR id that is also safe as a URL path segment (not {@code .} or {@code ..}). */
  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /** An id as an EHR gives a draft order (see {@link #EHR_ID}), never {@code .} or {@code ..}. */
  public static boolean validEhrId(String id) {
    return id != null && EHR_ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /** Drops an id that is not a FHIR id: the resource is read, but shown without an id. */
  static void clearIfInvalid(Resource resource) {
    if (resource.hasIdElement() && !valid(resource.getIdElement().getIdPart())) {
      resource.setId((String) null);
    }
  }

  /** The same for a draft order, whose id may be an EHR's long one. */
  static void clearIfInvalidEhrId(Resource resource) {
    if (resource.hasIdElement() && !validEhrId(resource.getIdElement().getIdPart())) {
      resource.setId((String) null);
    }
  }
}
