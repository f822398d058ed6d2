package org.nocturne.cdshooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.nocturne.cdshooks.prefetch.PrefetchResolver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
@EnableConfigurationProperties(CdsHooksProperties.class)
public class CdsHooksConfiguration {
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
      CallAudit audit) {
    return new CdsHooksInvoker(registry, resolver, meters, audit);
  }

  /** Health component {@code memory}: DOWN when the heap is exhausted. */
  @Bean
  org.springframework.boot.health.contributor.HealthIndicator memoryHealthIndicator() {
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
