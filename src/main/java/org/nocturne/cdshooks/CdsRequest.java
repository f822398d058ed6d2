package org.nocturne.cdshooks;

import tools.jackson.databind.JsonNode;

/**
 * A hook call as the EHR sent it, bound but not yet validated ({@link RequestValidator} does that).
 * {@code context} and {@code prefetch} stay JSON trees: context fields depend on the hook, and a
 * prefetch key must be told apart when absent, {@code null}, or an OperationOutcome.
 */
public record CdsRequest(
    String hook,
    String hookInstance,
    String fhirServer,
    FhirAuthorization fhirAuthorization,
    JsonNode context,
    JsonNode prefetch) {

  /** A string field of the context, or {@code null} when absent or not a string. */
  public String contextString(String field) {
    JsonNode value = context == null ? null : context.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  @Override
  public String toString() {
    return "CdsRequest[hook=" + hook + ", hookInstance=" + hookInstance + "]";
  }
}
