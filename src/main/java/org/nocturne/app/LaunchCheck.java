package org.nocturne.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.nocturne.cdshooks.PrefetchValue;
import org.nocturne.cdshooks.prefetch.PatientFetch;

/**
 * Whether a caller holds a SMART launch of the app for a patient: the EHR's FHIR server reads the
 * patient with the caller's token. The service cannot verify an EHR's access token itself (it is
 * opaque to us), so the EHR is asked, as the assessment asks it. A yes is remembered for a few
 * minutes under a hash of server, patient and token (never the token), so a form checked twice
 * costs the EHR one read.
 */
final class LaunchCheck {
  /** What the EHR said. */
  enum Result {
    ACCEPTED,
    UNAUTHORIZED,
    FORBIDDEN,
    UNAVAILABLE
  }

  private static final Duration REMEMBERED = Duration.ofMinutes(5);

  private final PatientFetch fetch;
  private final Cache<String, Boolean> accepted =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBERED).build();

  LaunchCheck(PatientFetch fetch) {
    this.fetch = fetch;
  }

  Result check(String fhirServer, String token, String patient) {
    String key = hash(fhirServer + '\n' + patient + '\n' + token);
    if (accepted.getIfPresent(key) != null) {
      return Result.ACCEPTED;
    }
    PrefetchValue read = fetch.patient(fhirServer, token, patient);
    if (read instanceof PrefetchValue.Data) {
      accepted.put(key, Boolean.TRUE);
      return Result.ACCEPTED;
    }
    if (read instanceof PrefetchValue.Unavailable unavailable) {
      return switch (unavailable.failure()) {
        case UNAUTHORIZED -> Result.UNAUTHORIZED;
        case FORBIDDEN, NOT_FOUND -> Result.FORBIDDEN;
        default -> Result.UNAVAILABLE;
      };
    }
    return Result.FORBIDDEN; // an OperationOutcome or nothing: no patient this token reads
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
