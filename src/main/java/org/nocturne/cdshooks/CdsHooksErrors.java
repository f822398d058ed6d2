package org.nocturne.cdshooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to a status and an OperationOutcome. Messages come from our own code and never
 * carry request content; anything unexpected is a 500 whose detail stays in the log.
 */
@RestControllerAdvice
class CdsHooksErrors {
  private static final Logger log = LoggerFactory.getLogger(CdsHooksErrors.class);

  @ExceptionHandler(CdsHooksException.class)
  ResponseEntity<byte[]> cdsHooks(CdsHooksException e) {
    ResponseEntity<byte[]> answer = outcome(e.status(), e.issueType(), e.getMessage());
    if (!e.closesConnection()) {
      return answer;
    }
    // an unread body is not swallowed: a slow or huge upload must not hold a worker thread
    var headers = new org.springframework.http.HttpHeaders();
    headers.putAll(answer.getHeaders());
    headers.set(org.springframework.http.HttpHeaders.CONNECTION, "close");
    if (e.status() == 503) {
      headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER, "1");
    }
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }

  /** Durable state unreachable: 503 with Retry-After, so the EHR retries (README, State). */
  @ExceptionHandler(StateUnavailable.class)
  ResponseEntity<byte[]> stateUnavailable(StateUnavailable e) {
    log.warn("state unavailable: {}", e.getMessage());
    ResponseEntity<byte[]> outcome = outcome(e.status(), e.issueType(), e.getMessage());
    return ResponseEntity.status(outcome.getStatusCode())
        .headers(outcome.getHeaders())
        .header("Retry-After", String.valueOf(StateUnavailable.RETRY_AFTER_SECONDS))
        .body(outcome.getBody());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<byte[]> mediaType(HttpMediaTypeNotSupportedException e) {
    return outcome(415, "not-supported", "send the request as application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<byte[]> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return outcome(406, "not-supported", "this service answers in application/json only");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e) {
    return outcome(405, "not-supported", "method " + e.getMethod() + " is not allowed here");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<byte[]> notFound(NoResourceFoundException e) {
    return outcome(404, "not-found", "no such endpoint");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> unexpected(Exception e) {
    log.error("unexpected failure while answering a request", e);
    return outcome(500, "exception", "internal error; the service log has the details");
  }

  static ResponseEntity<byte[]> outcome(int status, String issueType, String diagnostics) {
    byte[] body =
        CdsJson.mapper().writeValueAsBytes(OperationOutcome.error(issueType, diagnostics));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
