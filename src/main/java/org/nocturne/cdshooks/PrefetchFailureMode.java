package org.nocturne.cdshooks;

/**
 * What a service does when a prefetch key's data cannot be had: neither prefetched nor fetched, or
 * an OperationOutcome in its place.
 */
public enum PrefetchFailureMode {
  /**
   * The service cannot run without it: answer 412 Precondition Failed (2.0 §Prefetch Template: "If
   * the CDS Service is unable to obtain required data ... SHALL respond with ... 412").
   */
  FAIL,
  /** Go on without it and say in the guidance what was missing. */
  OMIT
}
