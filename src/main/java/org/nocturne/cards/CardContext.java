package org.nocturne.cards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.nocturne.cdshooks.Link;
import org.nocturne.cdshooks.LinkType;

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

  /**
   * A uuid for a card or suggestion, the same for the same call and key, unique across calls: the
   * name-based (version 3) UUID of {@code hookInstance|key}, as {@link
   * java.util.UUID#nameUUIDFromBytes} makes it, with this thread's MD5 instead of a provider lookup
   * per uuid (a card call makes about ten).
   */
  String uuid(String key) {
    MessageDigest md5 = MD5.get();
    byte[] hash = md5.digest((hookInstance + "|" + key).getBytes(StandardCharsets.UTF_8));
    hash[6] &= 0x0f; // version 3
    hash[6] |= 0x30;
    hash[8] &= 0x3f; // IETF variant
    hash[8] |= (byte) 0x80;
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (hash[i] & 0xff);
      lsb = (lsb << 8) | (hash[i + 8] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("MD5 is required of every JVM", e);
            }
          });

  /**
   * A {@code smart} link to the questionnaire app opening on one view; {@code appContext} is a
   * string (2.0 §Link) holding the JSON the app reads.
   */
  Optional<Link> app(String label, String view) {
    return appLaunchUrl == null
        ? Optional.empty()
        : Optional.of(new Link(label, appLaunchUrl, LinkType.SMART, "{\"view\":\"" + view + "\"}"));
  }

  String url(String path) {
    return publicBaseUrl + path;
  }
}
