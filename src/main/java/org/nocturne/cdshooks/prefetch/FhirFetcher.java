package org.nocturne.cdshooks.prefetch;

import java.util.concurrent.CompletableFuture;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.FhirAuthorization;
import org.nocturne.cdshooks.PrefetchValue;

/**
 * Fetches what the EHR did not prefetch from its FHIR server. Implementations never fail the
 * future: whatever goes wrong is a {@link PrefetchValue.Unavailable} with a loggable reason.
 */
public interface FhirFetcher {

  /**
   * @param fhirServer the EHR's FHIR base URL, already checked against the allowlist
   * @param authorization the bearer token for it, or {@code null}
   * @param relativeUrl the resolved prefetch template
   * @param expectedResourceType what a correct answer contains
   * @param budget the bytes the call may still read, and the cancellation of its fetches
   */
  CompletableFuture<PrefetchValue> fetch(
      String fhirServer,
      FhirAuthorization authorization,
      String relativeUrl,
      String expectedResourceType,
      CallBudget budget);

  /** A fetch outside a hook call: only the per-response limits apply. */
  default CompletableFuture<PrefetchValue> fetch(
      String fhirServer,
      FhirAuthorization authorization,
      String relativeUrl,
      String expectedResourceType) {
    return fetch(
        fhirServer, authorization, relativeUrl, expectedResourceType, CallBudget.unlimited());
  }
}
