package org.nocturne.cards;

import java.util.Objects;

/**
 * What cards need beyond the assessment: the call they answer and where links point.
 *
 * @param hookInstance the call's hookInstance; card and suggestion uuids derive from it
 * @param patientId the FHIR id of the patient, for the subject of suggested orders
 * @param publicBaseUrl the absolute URL at which this service is reached (links must be absolute)
 * @param questionnaireLaunchUrl a SMART launch URL for a questionnaire app, or {@code null}
 */
public record CardContext(
    String hookInstance, String patientId, String publicBaseUrl, String questionnaireLaunchUrl) {
  public CardContext {
    Objects.requireNonNull(hookInstance, "hookInstance");
    Objects.requireNonNull(patientId, "patientId");
    publicBaseUrl =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
  }

  /** A uuid for a card or suggestion, the same for the same call and key, unique across calls. */
  String uuid(String key) {
    return java.util
        .UUID
        .nameUUIDFromBytes(
            (hookInstance + "|" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  String url(String path) {
    return publicBaseUrl + path;
  }
}
