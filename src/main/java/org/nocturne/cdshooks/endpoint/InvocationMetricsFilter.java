package org.nocturne.cdshooks.endpoint;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.nocturne.cdshooks.Meters;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every call of {@code /cds-services/{id}} as {@code nocturne.cds.invocations}, tagged with
 * the service and the outcome ({@code ok} or the status): it runs before authentication and
 * Spring's handler lookup, so 401, 404, 405, 406, 413 and 415 are counted like the rest. An id that
 * is not a registered service is tagged {@code unknown}, so callers cannot grow the tag set.
 */
final class InvocationMetricsFilter extends OncePerRequestFilter {
  static final String METRIC = "nocturne.cds.invocations";

  private final CdsServiceRegistry registry;
  private final MeterRegistry meters;

  InvocationMetricsFilter(CdsServiceRegistry registry, MeterRegistry meters) {
    this.registry = registry;
    this.meters = meters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> id = CdsHooksPaths.serviceCalled(request);
    if (id.isEmpty() || "OPTIONS".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String service = registry.find(id.get()).isPresent() ? id.get() : "unknown";
    Timer.Sample sample = Timer.start(meters);
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      // the warm-up's own calls (WarmUp) are not an EHR's
      if (!(request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller
          && caller.rehearsal())) {
        int status = failed ? 500 : response.getStatus();
        String outcome = status == 200 ? "ok" : String.valueOf(status);
        sample.stop(Meters.timer(meters, METRIC, "service", service, "outcome", outcome));
      }
    }
  }
}
