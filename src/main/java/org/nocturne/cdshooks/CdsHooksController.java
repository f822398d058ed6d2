package org.nocturne.cdshooks;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The three CDS Hooks endpoints; each delegates to one collaborator. */
@RestController
class CdsHooksController {
  private final CdsServiceRegistry registry;
  private final CdsHooksInvoker invoker;
  private final FeedbackRecorder feedback;
  private final long maxRequestBytes;

  CdsHooksController(
      CdsServiceRegistry registry,
      CdsHooksInvoker invoker,
      FeedbackRecorder feedback,
      CdsHooksProperties properties) {
    this.registry = registry;
    this.invoker = invoker;
    this.feedback = feedback;
    this.maxRequestBytes = properties.maxRequestBytes();
  }

  // Answers are application/json; a client that accepts only FHIR JSON (the OperationOutcomes are
  // FHIR) gets the same instead of a 406.
  @GetMapping(
      value = "/cds-services",
      produces = {MediaType.APPLICATION_JSON_VALUE, "application/fhir+json"})
  ResponseEntity<byte[]> discovery() {
    return json(registry.discovery().bytes());
  }

  @PostMapping(
      value = "/cds-services/{id}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, "application/fhir+json"})
  ResponseEntity<byte[]> invoke(@PathVariable String id, HttpServletRequest request) {
    CdsResponse response =
        invoker.invoke(id, RequestBody.bytes(request, maxRequestBytes), caller(request));
    return json(CdsJson.mapper().writeValueAsBytes(response));
  }

  @PostMapping(value = "/cds-services/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> feedback(@PathVariable String id, HttpServletRequest request) {
    feedback.record(id, RequestBody.bytes(request, maxRequestBytes), caller(request));
    return ResponseEntity.ok().build();
  }

  /** Set by the authentication filter; without it nothing may be fetched on the caller's behalf. */
  private static Caller caller(HttpServletRequest request) {
    Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
    return caller instanceof Caller verified ? verified : Caller.unverified(java.util.List.of());
  }

  private static ResponseEntity<byte[]> json(byte[] body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
