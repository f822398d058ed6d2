package org.nocturne.cdshooks.endpoint;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.CdsHooksProperties;
import org.nocturne.cdshooks.CdsService;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.nocturne.cdshooks.DiscoveryDocument;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.prefetch.PrefetchResolver;
import org.nocturne.cdshooks.security.Rehearsal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the SDK's endpoints: the discovery document, the registry, the invoker, call limits,
 * metrics and feedback. Prefetch ({@code prefetch}) and authentication ({@code security}) wire
 * themselves. The {@link FeedbackStore} and {@link CallAudit} come from the application: durable
 * state is not the SDK's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CdsHooksProperties.class, CardGateProperties.class})
public class CdsHooksConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CdsHooksConfiguration.class);

  /** Where the build puts {@code hooks/discovery.json}. */
  public static final String DISCOVERY_RESOURCE = "hooks/discovery.json";

  @Bean
  CdsServiceRegistry cdsServiceRegistry(List<CdsService> services) {
    return new CdsServiceRegistry(DiscoveryDocument.fromClasspath(DISCOVERY_RESOURCE), services);
  }

  @Bean
  CdsHooksInvoker cdsHooksInvoker(
      CdsServiceRegistry registry,
      PrefetchResolver resolver,
      MeterRegistry meters,
      CallAudit audit,
      CardGate cardGate) {
    CdsHooksInvoker invoker = new CdsHooksInvoker(registry, resolver, meters, audit, cardGate);
    invoker.registerCardCounters();
    return invoker;
  }

  /** The go-live controls: shadow mode, the pilot group, the kill switch per topic. */
  @Bean
  CardGate cardGate(CardGateProperties properties) {
    if (properties.mode() == CardMode.SHADOW) {
      log.warn(
          "nocturne.cards.mode=shadow: every hook answers no cards; what would have been shown is"
              + " recorded{}",
          properties.pilotUsers().isEmpty()
              ? ""
              : " (nocturne.cards.pilot-users is set but has no effect in shadow mode)");
    } else if (!properties.pilotUsers().isEmpty()) {
      log.warn(
          "nocturne.cards.pilot-users: cards are live for {} pilot user(s) only, shadow for"
              + " everyone else",
          properties.pilotUsers().size());
    } else {
      log.info("nocturne.cards.mode=live: cards are shown to every user");
    }
    return new CardGate(
        properties,
        new DisabledTopics(
            properties.disabledTopics(),
            properties.disabledTopicsFile() == null
                ? null
                : Path.of(properties.disabledTopicsFile()),
            // the wall clock, not a Clock bean: that may pin the clinical evaluation date, and a
            // pinned clock would never let the file be looked at again
            Clock.systemUTC()));
  }

  /**
   * Health component {@code warmUp} (in the readiness group): out of service while the example
   * calls are rehearsed after start-up.
   */
  @Bean(destroyMethod = "stop")
  WarmUp warmUp(
      CdsHooksInvoker invoker,
      CdsServiceRegistry registry,
      CdsHooksProperties properties,
      Rehearsal rehearsal) {
    return new WarmUp(invoker, WarmUp.examples(registry.ids()), properties.warmUp(), rehearsal);
  }

  /** Once the application is ready, over HTTP on the port the service answers on. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> warmUpStart(WarmUp warmUp) {
    return event ->
        warmUp.start(
            event.getApplicationContext() instanceof WebServerApplicationContext web
                    && web.getWebServer() != null
                ? web.getWebServer().getPort()
                : 0);
  }

  /** Health component {@code memory}: DOWN when the heap is exhausted. */
  @Bean
  HealthIndicator memoryHealthIndicator() {
    return new MemoryHealth();
  }

  @Bean
  CallLimiter callLimiter(CdsHooksProperties properties) {
    return new CallLimiter(
        properties.concurrentCalls(Runtime.getRuntime().maxMemory()), properties.maxCallWait());
  }

  @Bean
  FeedbackRecorder feedbackRecorder(
      CdsServiceRegistry registry, FeedbackStore feedbackStore, MeterRegistry meters) {
    return new FeedbackRecorder(registry, feedbackStore, meters);
  }

  /** Before authentication, so refused calls are counted too. */
  @Bean
  FilterRegistrationBean<InvocationMetricsFilter> invocationMetrics(
      CdsServiceRegistry registry, MeterRegistry meters) {
    FilterRegistrationBean<InvocationMetricsFilter> registration =
        new FilterRegistrationBean<>(new InvocationMetricsFilter(registry, meters));
    registration.addUrlPatterns("/cds-services/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
