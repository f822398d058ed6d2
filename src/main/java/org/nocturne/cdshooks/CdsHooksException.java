package org.nocturne.cdshooks;

import java.time.Duration;

/**
 * A request the service cannot answer, with the HTTP status and the FHIR issue type to report. The
 * message is shown to the caller, so it must never contain patient data.
 */
public class CdsHooksException extends RuntimeException {
  private final int status;
  private final String issueType;

  CdsHooksException(int status, String issueType, String message) {
    super(message);
    this.status = status;
    this.issueType = issueType;
  }

  public static CdsHooksException badRequest(String message) {
    return new CdsHooksException(400, "invalid", message);
  }

  /** The id is not echoed: errors never repeat request content. */
  public static CdsHooksException unknownService(String id) {
    return new CdsHooksException(404, "not-found", "no CDS service with this id");
  }

  public static CdsHooksException notFound(String message) {
    return new CdsHooksException(404, "not-found", message);
  }

  public static CdsHooksException payloadTooLarge(long limit) {
    return new CdsHooksException(413, "too-costly", "request body exceeds " + limit + " bytes");
  }

  /** The body arrived too slowly; the connection is closed. */
  public static CdsHooksException requestTimeout(Duration limit) {
    return new CdsHooksException(
        408, "timeout", "the request body did not arrive within " + limit.toSeconds() + " s");
  }

  /** More calls at once than the heap holds; the caller retries after {@code Retry-After}. */
  public static CdsHooksException busy() {
    return new CdsHooksException(
        503, "transient", "the service is at its limit of concurrent calls; retry shortly");
  }

  /** Whether the connection should be closed rather than the rest of the body read. */
  public boolean closesConnection() {
    return status == 408 || status == 413 || status == 503;
  }

  public static CdsHooksException unsupportedMediaType(String message) {
    return new CdsHooksException(415, "not-supported", message);
  }

  /** 2.0 §Prefetch Template: required data unobtainable from prefetch or the FHIR server. */
  public static CdsHooksException preconditionFailed(String message) {
    return new CdsHooksException(412, "incomplete", message);
  }

  public int status() {
    return status;
  }

  public String issueType() {
    return issueType;
  }

  /** Ids come from the URL: keep them short and printable before echoing them. */
  public static String safe(String text) {
    // a loop, not a regex: every call's log line passes its hookInstance through here
    StringBuilder printable = new StringBuilder(Math.min(text.length(), 65));
    for (int i = 0; i < text.length() && printable.length() <= 64; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean kept =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      printable.append(kept ? (char) c : '?');
    }
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable.toString();
  }
}
