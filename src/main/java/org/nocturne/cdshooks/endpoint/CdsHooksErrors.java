package org.nocturne.cdshooks.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.OperationOutcome;
import org.nocturne.cdshooks.StateUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure of a CDS Hooks endpoint (a path under {@code /cds-services}) to a status and
 * an OperationOutcome, including those Spring raises before any controller is chosen (405, 415,
 * 406, an unknown path). Other paths (education pages, {@code /fhir}, actuator) keep Spring's own
 * error handling: an education page 404 is not an OperationOutcome; only a {@link
 * CdsHooksException}, which a controller throws on purpose, is mapped wherever it comes from. A
 * resolver rather than a controller advice because an advice scoped to our controllers never sees
 * the errors raised before a controller is chosen. Messages come from our own code and never carry
 * request content; anything unexpected is a 500 whose detail stays in the log.
 */
@Component
class CdsHooksErrors implements HandlerExceptionResolver, Ordered {
  private static final Logger log = LoggerFactory.getLogger(CdsHooksErrors.class);

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    // a CdsHooksException is a deliberate answer wherever it is thrown; everything else is
    // mapped only for the CDS Hooks endpoints
    boolean deliberate = e instanceof CdsHooksException;
    if (response.isCommitted() || !(deliberate || CdsHooksPaths.isCdsHooks(request))) {
      return null;
    }
    try {
      if (e instanceof StateUnavailable unavailable) {
        // durable state unreachable: 503 with Retry-After, so the EHR retries (docs/state.md)
        log.warn("state unavailable: {}", unavailable.getMessage());
        response.setHeader(
            HttpHeaders.RETRY_AFTER, String.valueOf(StateUnavailable.RETRY_AFTER_SECONDS));
        write(response, unavailable.status(), unavailable.issueType(), unavailable.getMessage());
      } else if (e instanceof CdsHooksException cds) {
        if (cds.closesConnection()) {
          // an unread body is not swallowed: a slow or huge upload must not hold a worker thread
          response.setHeader("Connection", "close");
          if (cds.status() == 503) {
            response.setHeader("Retry-After", "1");
          }
        }
        write(response, cds.status(), cds.issueType(), cds.getMessage());
      } else if (e instanceof HttpMediaTypeNotSupportedException) {
        write(response, 415, "not-supported", "send the request as application/json");
      } else if (e instanceof HttpMediaTypeNotAcceptableException) {
        write(response, 406, "not-supported", "this service answers in application/json only");
      } else if (e instanceof HttpRequestMethodNotSupportedException method) {
        // RFC 9110 §15.5.6: a 405 names the methods the resource supports
        Set<HttpMethod> allowed = method.getSupportedHttpMethods();
        if (allowed != null && !allowed.isEmpty()) {
          response.setHeader(
              HttpHeaders.ALLOW,
              allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
        }
        write(
            response,
            405,
            "not-supported",
            "method " + method.getMethod() + " is not allowed here");
      } else if (e instanceof NoResourceFoundException) {
        write(response, 404, "not-found", "no such endpoint");
      } else {
        log.error("unexpected failure while answering a request", e);
        write(response, 500, "exception", "internal error; the service log has the details");
      }
    } catch (IOException io) {
      log.debug("could not write an error response: {}", io.toString());
    }
    return new ModelAndView();
  }

  /** Before Spring Boot's error attributes recorder, which only records and passes. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  private static void write(HttpServletResponse response, int status, String type, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response
        .getOutputStream()
        .write(CdsJson.mapper().writeValueAsBytes(OperationOutcome.error(type, text)));
  }
}
