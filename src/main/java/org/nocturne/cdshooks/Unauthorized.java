package org.nocturne.cdshooks;

/** A JWT that is not accepted. The reason goes to the log; the caller only learns "401". */
final class Unauthorized extends Exception {
  Unauthorized(String reason) {
    super(reason, null, false, false);
  }
}
