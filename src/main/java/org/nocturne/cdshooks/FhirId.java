package org.nocturne.cdshooks;

import java.util.regex.Pattern;

/**
 * FHIR R4 ids and {@code Type/id} references, as the request must carry them: an id goes into a
 * query URL, so {@code 1227&_count=1} or {@code ../../admin} must never pass as one. (The SDK keeps
 * its own copy of the rule: it depends on no other package of the service.)
 */
public final class FhirId {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-._]{1,64}");
  private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/(.+)");

  private FhirId() {}

  /** A FHIR id that is also a safe URL path segment (not {@code .} or {@code ..}). */
  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /** {@code ResourceType/id} with a valid id. */
  public static boolean validReference(String reference) {
    if (reference == null) {
      return false;
    }
    var matcher = REFERENCE.matcher(reference);
    return matcher.matches() && valid(matcher.group(1));
  }
}
