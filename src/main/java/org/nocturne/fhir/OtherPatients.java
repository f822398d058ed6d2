package org.nocturne.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Entries whose subject is a patient other than the record's own (hazard H5): a prefetch the EHR
 * built wrongly, or a search that was not bound to the patient. Such an entry costs itself, never
 * the answer, and its patient's id is not repeated anywhere.
 */
final class OtherPatients {
  static final String REASON = "its subject is another patient, not read";

  /** {@code Patient/123}, absolute or relative, with or without a version. */
  private static final Pattern PATIENT_REFERENCE =
      Pattern.compile("(?:^|/)Patient/([A-Za-z0-9\\-._]{1,64})(?:/_history/[^/]*)?$");

  private final String patientId;
  private final String ownReference;

  /**
   * @param patientId the id of the record's Patient, or "" when it has none (nothing to compare)
   */
  OtherPatients(String patientId) {
    this.patientId = patientId;
    this.ownReference = "Patient/" + patientId;
  }

  /** {@code Patient/id} or {@code …/Patient/id}: the pattern would read exactly this id. */
  private static boolean names(String text, String patientReference) {
    int start = text.length() - patientReference.length();
    return text.endsWith(patientReference) && (start == 0 || text.charAt(start - 1) == '/');
  }

  /**
   * Whether the resource names another patient as its subject (or patient), by a reference we can
   * read.
   */
  boolean belongToAnother(JsonNode resource) {
    if (patientId.isEmpty()) {
      return false;
    }
    return other(resource.path("subject")) || other(resource.path("patient"));
  }

  private boolean other(JsonNode reference) {
    String text = reference.path("reference").asString("");
    if (text.isEmpty() || names(text, ownReference)) {
      return false; // most entries: settled without the pattern, which was a call's hundredth
    }
    Matcher matcher = PATIENT_REFERENCE.matcher(text);
    return matcher.find() && !matcher.group(1).equals(patientId);
  }
}
