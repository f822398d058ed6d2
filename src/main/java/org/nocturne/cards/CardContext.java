package org.nocturne.cards;

import java.util.Objects;

/**
 * What cards need beyond the assessment: the call they answer and where links point.
 *
 * @param hookInstance the call's hookInstance; card and suggestion uuids derive from it
 * @param patientId the FHIR id of the patient, for the subject of suggested orders
 * @param publicBaseUrl the absolute URL at which this service is reached (links must be absolute)
 * @param appLaunchUrl the SMART launch URL of the questionnaire app, or {@code null} when there is
 *     none
 */
public record CardContext(
    String hookInstance, String patientId, String publicBaseUrl, String appLaunchUrl) {
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

  /**
   * A {@code smart} link to the questionnaire app opening on one view; {@code appContext} is a
   * string (2.0 §Link) holding the JSON the app reads.
   */
  java.util.Optional<org.nocturne.cdshooks.Link> app(String label, String view) {
    return appLaunchUrl == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new org.nocturne.cdshooks.Link(
                label,
                appLaunchUrl,
                org.nocturne.cdshooks.LinkType.SMART,
                "{\"view\":\"" + view + "\"}"));
  }

  String url(String path) {
    return publicBaseUrl + path;
  }
}
