package org.nocturne.cdshooks;

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

  public static CdsHooksException unknownService(String id) {
    return new CdsHooksException(404, "not-found", "no CDS service with id '" + safe(id) + "'");
  }

  public static CdsHooksException notFound(String message) {
    return new CdsHooksException(404, "not-found", message);
  }

  public static CdsHooksException payloadTooLarge(long limit) {
    return new CdsHooksException(413, "too-costly", "request body exceeds " + limit + " bytes");
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
  static String safe(String text) {
    String printable = text.replaceAll("[^A-Za-z0-9._-]", "?");
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
  }
}
