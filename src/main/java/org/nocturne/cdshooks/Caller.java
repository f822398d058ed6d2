package org.nocturne.cdshooks;

import java.util.List;

/**
 * Who called, as proven by the JWT: the trusted issuer and the FHIR servers we may contact for it.
 * Without JWT verification ({@code local}) the caller is {@link #unverified(List)}.
 *
 * @param issuer the verified {@code iss}, or {@code null} when JWTs are not required
 * @param fhirServers base URLs this caller's {@code fhirServer} may be, or be below
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

  /** The prefix of {@link #issuer} for a caller trusted by its source network, not a JWT. */
  static final String NETWORK = "network:";

  /**
   * A call without a JWT from a configured trusted network (Bahmni): it may contact no FHIR server,
   * so it is answered from what it sent.
   */
  public static Caller network(String cidr) {
    return new Caller(NETWORK + cidr, List.of());
  }

  /**
   * The issuer of the service's own warm-up calls over HTTP, signed by a key made in memory at
   * start-up and accepted only until readiness (see {@code security.Rehearsal}); no configured
   * issuer may take this name.
   */
  public static final String REHEARSAL_ISSUER = "urn:nocturne:rehearsal";

  /** Whether this is the service's own warm-up call: answered, but leaving no trace. */
  public boolean rehearsal() {
    return REHEARSAL_ISSUER.equals(issuer);
  }

  /** Whether the caller was trusted for its source network rather than a signed token. */
  public boolean trustedByNetwork() {
    return issuer != null && issuer.startsWith(NETWORK);
  }

  /**
   * The SSRF guard: a server is contacted only if it is an allowed base URL or below it, compared
   * by scheme, host, port and decoded path segments; dot segments are refused (see {@link
   * FhirUrls}).
   */
  public boolean mayContact(String fhirServer) {
    if (!FhirUrls.isBase(fhirServer)) {
      return false;
    }
    for (String allowed : fhirServers) {
      if (FhirUrls.within(allowed, fhirServer)) {
        return true;
      }
    }
    return false;
  }
}
