package org.nocturne.cdshooks.prefetch;

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

  /** Absent from the request and not obtainable from the FHIR server; the reason is loggable. */
  record Unavailable(String reason) implements PrefetchValue {}

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
