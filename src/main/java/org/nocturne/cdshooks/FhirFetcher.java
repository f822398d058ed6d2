package org.nocturne.cdshooks;

/**
 * Fetches what the EHR did not prefetch from its FHIR server. Implementations must never throw: a
 * failed fetch is an {@link PrefetchValue.Unavailable}.
 */
public interface FhirFetcher {

  /**
   * @param fhirServer the EHR's FHIR base URL, as sent in the request
   * @param authorization the bearer token for it, or {@code null}
   * @param relativeUrl the resolved prefetch template
   * @param expectedResourceType what a correct answer contains
   */
  PrefetchValue fetch(
      String fhirServer,
      FhirAuthorization authorization,
      String relativeUrl,
      String expectedResourceType);

  /** The fetcher used until a real one is configured: nothing can be fetched. */
  FhirFetcher NONE =
      (server, auth, url, type) -> new PrefetchValue.Unavailable("no FHIR fetcher is configured");
}
