package org.nocturne.cdshooks;

import tools.jackson.databind.JsonNode;

/**
 * What a prefetch key holds once resolved. 2.0 §Prefetch Template distinguishes four cases: data,
 * {@code null} ("no data", never to be queried again), an OperationOutcome (the EHR's own fetch
 * failed), and an absent key (the service must fetch it itself).
 */
public sealed interface PrefetchValue {

  /** A FHIR resource (a read) or a searchset Bundle (a search). */
  record Data(JsonNode resource, Origin origin) implements PrefetchValue {}

  /** The EHR sent {@code null}: it has no data for this key. */
  record NoData() implements PrefetchValue {}

  /** The EHR sent an OperationOutcome in place of the data. */
  record ClientError(JsonNode operationOutcome) implements PrefetchValue {}

  /**
   * Absent from the request and not obtainable from the FHIR server; the reason is loggable, the
   * failure says what kind of answer the server gave, for callers that report it (the app).
   */
  record Unavailable(String reason, Failure failure) implements PrefetchValue {
    public Unavailable {
      failure = failure == null ? Failure.OTHER : failure;
    }

    public Unavailable(String reason) {
      this(reason, Failure.OTHER);
    }
  }

  /** Why a fetch failed, as far as the FHIR server's answer tells. */
  enum Failure {
    /** HTTP 401: the token was refused (expired, revoked, unknown). */
    UNAUTHORIZED,
    /** HTTP 403: the token does not allow this read. */
    FORBIDDEN,
    /** HTTP 404 or 410. */
    NOT_FOUND,
    /** Another error status, an answer that is not the FHIR asked for, or one over the limits. */
    BAD_ANSWER,
    /** No answer in time. */
    TIMEOUT,
    /** No connection. */
    UNREACHABLE,
    /** Not fetched for a reason of the caller's (no server, not allowed, no template value). */
    OTHER
  }

  /** Where data came from, for logs and metrics. */
  enum Origin {
    PREFETCHED,
    FETCHED,
    CACHED
  }

  default boolean isData() {
    return this instanceof Data;
  }
}
