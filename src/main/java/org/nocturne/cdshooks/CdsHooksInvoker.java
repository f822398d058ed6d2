package org.nocturne.cdshooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hook call, start to finish: bind, validate, resolve the prefetch, run the service, check the
 * answer. Logs and metrics name the service, the hookInstance and the outcome, never patient data.
 */
final class CdsHooksInvoker {
  private static final Logger log = LoggerFactory.getLogger(CdsHooksInvoker.class);

  private final CdsServiceRegistry registry;
  private final PrefetchResolver resolver;
  private final MeterRegistry meters;
  private final CallAudit audit;

  CdsHooksInvoker(
      CdsServiceRegistry registry,
      PrefetchResolver resolver,
      MeterRegistry meters,
      CallAudit audit) {
    this.registry = registry;
    this.resolver = resolver;
    this.meters = meters;
    this.audit = audit;
  }

  CdsResponse invoke(String serviceId, byte[] body, Caller caller) {
    return invoke(serviceId, body, caller, CallBudget.unlimited());
  }

  CdsResponse invoke(String serviceId, byte[] body, Caller caller, CallBudget budget) {
    RegisteredService service =
        registry.find(serviceId).orElseThrow(() -> CdsHooksException.unknownService(serviceId));
    Timer.Sample sample = Timer.start(meters);
    String outcome = "error";
    int status = 500;
    CdsRequest request = null;
    List<CallAudit.ShownCard> shown = List.of();
    List<String> missing = List.of();
    try {
      request = RequestBody.bind(body, CdsRequest.class);
      RequestValidator.check(request, service.descriptor());
      Prefetch prefetch = resolver.resolve(request, service, caller, budget);
      CdsResponse response =
          UnavailableDataNotice.apply(
              service.service().call(new HookCall(request, prefetch)), prefetch, service);
      outcome = "ok";
      status = 200;
      shown = response.cards().stream().map(CallAudit.ShownCard::of).toList();
      missing = prefetch.missingKeys();
      log.info(
          "service={} hookInstance={} cards={} missing={}",
          serviceId,
          CdsHooksException.safe(request.hookInstance()),
          response.cards().size(),
          prefetch.missingKeys());
      return response;
    } catch (CdsHooksException e) {
      outcome = String.valueOf(e.status());
      status = e.status();
      log.info(
          "service={} hookInstance={} status={} reason={}",
          serviceId,
          request == null || request.hookInstance() == null
              ? "-"
              : CdsHooksException.safe(request.hookInstance()),
          e.status(),
          e.getMessage());
      throw e;
    } finally {
      long nanos =
          sample.stop(
              meters.timer("nocturne.cds.invocations", "service", serviceId, "outcome", outcome));
      audit.record(
          new CallAudit.CallRecord(
              serviceId,
              request == null ? null : request.hookInstance(),
              caller.issuer(),
              status,
              shown,
              missing,
              Duration.ofNanos(nanos)));
    }
  }
}
