/**
 * A small, spec-complete CDS Hooks 2.0 SDK: the wire records, request validation, error mapping,
 * the per-call byte budget and the three endpoints. Its parts: {@code security} (who may call) and
 * {@code prefetch} (the data a call needs).
 *
 * <p>Its one rule: no leg-pain knowledge lives here, so the package could be published on its own
 * (ADR 0001).
 */
package org.nocturne.cdshooks;
