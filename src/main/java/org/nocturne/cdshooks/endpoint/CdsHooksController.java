package org.nocturne.cdshooks.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CdsHooksProperties;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The three CDS Hooks endpoints; each delegates to one collaborator. Every call holds one of a
 * limited number of permits and reads within one {@link CallBudget}.
 */
@RestController
class CdsHooksController {
  private final CdsServiceRegistry registry;
  private final CdsHooksInvoker invoker;
  private final FeedbackRecorder feedback;
  private final CdsHooksProperties properties;
  private final CallLimiter limiter;

  CdsHooksController(
      CdsServiceRegistry registry,
      CdsHooksInvoker invoker,
      FeedbackRecorder feedback,
      CdsHooksProperties properties,
      CallLimiter limiter) {
    this.registry = registry;
    this.invoker = invoker;
    this.feedback = feedback;
    this.properties = properties;
    this.limiter = limiter;
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
    return limiter.run(
        () -> {
          CallBudget budget = new CallBudget(properties.maxCallBytes());
          try {
            byte[] body = body(request, budget);
            CdsResponse response = invoker.invoke(id, body, caller(request), budget);
            return json(CdsJson.mapper().writeValueAsBytes(response));
          } finally {
            budget.close();
          }
        });
  }

  @PostMapping(value = "/cds-services/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> feedback(@PathVariable String id, HttpServletRequest request) {
    return limiter.run(
        () -> {
          feedback.record(
              id, body(request, new CallBudget(properties.maxCallBytes())), caller(request));
          return ResponseEntity.ok().build();
        });
  }

  private byte[] body(HttpServletRequest request, CallBudget budget) {
    return RequestBody.bytes(
        request, properties.maxRequestBytes(), budget, properties.bodyReadTimeout());
  }

  /** Set by the authentication filter; without it nothing may be fetched on the caller's behalf. */
  private static Caller caller(HttpServletRequest request) {
    Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
    return caller instanceof Caller verified ? verified : Caller.unverified(List.of());
  }

  private static ResponseEntity<byte[]> json(byte[] body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
