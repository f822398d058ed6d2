package org.nocturne.cdshooks;

import java.util.regex.Pattern;

/**
 * FHIR R4 ids and {@code Type/id} references, as the request must carry them: an id goes into a
 * query URL, so {@code 1227&_count=1} or {@code ../../admin} must never pass as one. (The SDK keeps
 * its own copy of the rule: it depends on no other package of the service.)
 */
public final class FhirId {
  /**
   * FHIR's id characters plus the underscore: Epic's ids are base64url ({@code eq081_VQEgP8dr…}),
   * and an underscore is as safe in a URL path segment as a hyphen.
   */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-._]{1,64}");

  /**
   * The ids EHRs give unsigned orders (Epic's run to about 190 characters, beyond FHIR's 64):
   * bounded, of safe characters, and only ever named in a suggestion, never pasted into a URL.
   */
  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-._]{1,256}");

  private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/(.+)");

  private FhirId() {}

  /** A FHIR id that is also a safe URL path segment (not {@code .} or {@code ..}). */
  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
  }

  /** {@code ResourceType/id} of a draft order: an EHR's own id, up to 256 safe characters. */
  public static boolean validOrderReference(String reference) {
    if (reference == null) {
      return false;
    }
    var matcher = REFERENCE.matcher(reference);
    if (!matcher.matches()) {
      return false;
    }
    String id = matcher.group(1);
    return ORDER_ID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
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
