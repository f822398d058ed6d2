/**
 * A small, spec-complete CDS Hooks 2.0 SDK. This package is its wire kernel: the request, response,
 * discovery and feedback records, request validation, the per-call byte budget and bounded JSON,
 * the service registry, the prefetch values and templates ({@code Prefetch}, {@code
 * PrefetchTemplate}), the caller a call was proven to come from ({@code Caller}) and the ports the
 * application fills ({@code CallAudit}, {@code FeedbackStore}). It depends on none of its parts:
 * {@code prefetch} (the data a call needs) and {@code security} (who may call) build on it, and
 * {@code endpoint} (the HTTP endpoints, the invoker and the go-live gate) builds on all three (ADR
 * 0003, kept by {@code ArchitectureTest}).
 *
 * <p>Its one rule: no leg-pain knowledge lives here, so the package could be published on its own
 * (ADR 0001).
 */
package org.nocturne.cdshooks;
