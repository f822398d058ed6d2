/**
 * Prefetch: the resolver that applies the absent / {@code null} / OperationOutcome rules to the
 * templates of the discovery document, and the fetcher that asks the EHR's FHIR server for what was
 * not sent (allowlisted servers only, every page, bounded in bytes per response and per call,
 * cached). The values it produces ({@code Prefetch}, {@code PrefetchValue}) and the templates live
 * in the wire kernel, {@code org.nocturne.cdshooks}, which this package builds on (ADR 0003).
 *
 * <p>Part of the SDK: no leg-pain knowledge here (ADR 0001).
 */
package org.nocturne.cdshooks.prefetch;
