package org.nocturne.cdshooks.endpoint;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsRequest;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Meters;
import org.nocturne.cdshooks.Prefetch;
import org.nocturne.cdshooks.PrefetchValue;
import org.nocturne.cdshooks.RegisteredService;
import org.nocturne.cdshooks.RequestValidator;
import org.nocturne.cdshooks.prefetch.PrefetchResolver;
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
  private final CardGate gate;
  private volatile boolean served;

  CdsHooksInvoker(
      CdsServiceRegistry registry,
      PrefetchResolver resolver,
      MeterRegistry meters,
      CallAudit audit,
      CardGate gate) {
    this.registry = registry;
    this.resolver = resolver;
    this.meters = meters;
    this.audit = audit;
    this.gate = gate;
  }

  /** Whether a caller other than the warm-up has called: the warm-up then gives way. */
  boolean served() {
    return served;
  }

  CdsResponse invoke(String serviceId, byte[] body, Caller caller) {
    return invoke(serviceId, body, caller, CallBudget.unlimited());
  }

  CdsResponse invoke(String serviceId, byte[] body, Caller caller, CallBudget budget) {
    if (caller.rehearsal()) {
      // the warm-up's own call over HTTP (WarmUp): the same work, no trace
      return rehearse(serviceId, body);
    }
    if (!served) {
      served = true;
    }
    RegisteredService service =
        registry.find(serviceId).orElseThrow(() -> CdsHooksException.unknownService(serviceId));
    long start = System.nanoTime();
    int status = 500;
    CdsRequest request = null;
    List<CallAudit.ShownCard> shown = List.of();
    List<String> missing = List.of();
    try {
      request = bound(service, body, caller);
      RequestValidator.check(request, service.descriptor());
      Prefetch prefetch = resolver.resolve(request, service, caller, budget);
      countPrefetch(serviceId, prefetch);
      CdsResponse produced = service.service().call(new HookCall(request, prefetch));
      // every hook's answer passes the go-live controls here, and only here
      CardGate.Gated gated = gate.apply(produced, request.contextString("userId"));
      countCards(serviceId, gated.cards());
      status = 200;
      shown = gated.cards();
      missing = prefetch.missingKeys();
      log.info(
          "service={} hookInstance={} cards={} kept-back={} missing={}",
          serviceId,
          CdsHooksException.safe(request.hookInstance()),
          gated.answer().cards().size(),
          produced.cards().size() - gated.answer().cards().size(),
          prefetch.missingKeys());
      return gated.answer();
    } catch (CdsHooksException e) {
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
      // the call's metric is InvocationMetricsFilter's; the audit keeps the service's own time
      long nanos = System.nanoTime() - start;
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

  /**
   * The work of one call and nothing else: no audit row, metric or log line, no fetch (an
   * unverified caller), no go-live controls. {@link WarmUp} rehearses the contract's examples with
   * it so the JIT has compiled the call before the first EHR makes one.
   */
  CdsResponse rehearse(String serviceId, byte[] body) {
    RegisteredService service =
        registry.find(serviceId).orElseThrow(() -> CdsHooksException.unknownService(serviceId));
    Caller nobody = Caller.unverified(List.of());
    CdsRequest request = bound(service, body, nobody);
    RequestValidator.check(request, service.descriptor());
    Prefetch prefetch = resolver.resolve(request, service, nobody, CallBudget.unlimited());
    return service.service().call(new HookCall(request, prefetch));
  }

  private static CdsRequest bound(RegisteredService service, byte[] body, Caller caller) {
    CdsRequest request = RequestBody.bind(body, CdsRequest.class);
    if (caller.trustedByNetwork() && request != null) {
      // Bahmni's shape: no hookInstance, no context, the service id in hook
      return NetworkClientRequests.complete(request, service.descriptor());
    }
    return request;
  }

  /**
   * {@code nocturne.prefetch.keys}: where each key's data came from (prefetched by the EHR, fetched
   * by us, from our cache) or why there is none; call timing is {@link InvocationMetricsFilter}'s.
   */
  private void countPrefetch(String serviceId, Prefetch prefetch) {
    for (PrefetchValue value : prefetch.values().values()) {
      String source;
      if (value instanceof PrefetchValue.Data data) {
        source = data.origin().name().toLowerCase(Locale.ROOT);
      } else if (value instanceof PrefetchValue.NoData) {
        source = "no-data";
      } else if (value instanceof PrefetchValue.ClientError) {
        source = "client-error";
      } else {
        source = "unavailable";
      }
      Meters.counter(meters, "nocturne.prefetch.keys", "service", serviceId, "source", source)
          .increment();
    }
  }

  /**
   * {@code nocturne.cds.cards}: cards produced, by indicator (critical, warning, info) and
   * disposition (shown, shadow, suppressed).
   */
  private void countCards(String serviceId, List<CallAudit.ShownCard> cards) {
    for (CallAudit.ShownCard card : cards) {
      cardCounter(serviceId, card.indicator(), card.disposition()).increment();
    }
  }

  private io.micrometer.core.instrument.Counter cardCounter(
      String serviceId, Indicator indicator, CardDisposition disposition) {
    return Meters.counter(
        meters,
        "nocturne.cds.cards",
        "service",
        serviceId,
        "indicator",
        indicator.wire(),
        "disposition",
        disposition.wire());
  }

  /**
   * Every series of {@code nocturne.cds.cards} at zero from the start, so a dashboard shows "no
   * shadow cards" as 0 rather than as no data.
   */
  void registerCardCounters() {
    for (String serviceId : registry.ids()) {
      for (Indicator indicator : Indicator.values()) {
        for (CardDisposition disposition : CardDisposition.values()) {
          cardCounter(serviceId, indicator, disposition);
        }
      }
    }
  }
}
