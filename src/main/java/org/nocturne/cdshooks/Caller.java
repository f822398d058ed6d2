package org.nocturne.cdshooks;

import java.util.List;

/**
 * Who called, as proven by the JWT: the trusted issuer and the FHIR servers we may contact for it.
 * Without JWT verification ({@code local}) the caller is {@link #unverified(List)}.
 *
 * @param issuer the verified {@code iss}, or {@code null} when JWTs are not required
 * @param fhirServers base URLs this caller's {@code fhirServer} may match (prefix match)
 * @param subject the verified {@code sub} (the EHR's client id), or {@code null}
 */
public record Caller(String issuer, List<String> fhirServers, String subject) {
  public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

  public Caller {
    fhirServers = List.copyOf(fhirServers);
  }

  public Caller(String issuer, List<String> fhirServers) {
    this(issuer, fhirServers, null);
  }

  public static Caller unverified(List<String> fhirServers) {
    return new Caller(null, fhirServers);
  }

  /**
   * The SSRF guard: a server is contacted only if it starts with an allowed base URL on a path
   * boundary, with the same scheme, host and port.
   */
  public boolean mayContact(String fhirServer) {
    String candidate = fhirServer.endsWith("/") ? fhirServer : fhirServer + "/";
    for (String allowed : fhirServers) {
      String base = allowed.endsWith("/") ? allowed : allowed + "/";
      if (candidate.regionMatches(true, 0, base, 0, base.length())) {
        return true;
      }
    }
    return false;
  }
}
