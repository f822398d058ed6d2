/**
 * A small, spec-complete CDS Hooks 2.0 SDK: the wire records, prefetch templates and the absent /
 * {@code null} / OperationOutcome rules, request validation, error mapping and the three endpoints.
 *
 * <p>Its one rule: no leg-pain knowledge lives here, so the package could be published on its own
 * (ADR 0001).
 */
package org.nocturne.cdshooks;
