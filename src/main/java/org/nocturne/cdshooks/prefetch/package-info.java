/**
 * Prefetch: the templates of the discovery document, the resolver that applies the absent / {@code
 * null} / OperationOutcome rules, and the fetcher that asks the EHR's FHIR server for what was not
 * sent (allowlisted servers only, every page, bounded in bytes per response and per call, cached).
 *
 * <p>Part of the SDK: no leg-pain knowledge here (ADR 0001).
 */
package org.nocturne.cdshooks.prefetch;
