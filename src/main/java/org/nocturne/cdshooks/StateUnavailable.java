package org.nocturne.cdshooks;

/**
 * Durable state (replay guard, feedback) cannot be reached: the call fails closed with 503 and a
 * {@code Retry-After}, so the EHR retries instead of the service passing a replay or losing
 * feedback silently.
 */
public final class StateUnavailable extends CdsHooksException {
  /** Seconds the EHR is asked to wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public StateUnavailable(String message, Throwable cause) {
    super(503, "transient", message);
    initCause(cause);
  }
}
