package org.nocturne.cdshooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the SDK: the discovery document, the registry, the prefetch resolver and feedback. */
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
  FeedbackLog feedbackLog(CdsHooksProperties properties) {
    return new InMemoryFeedbackLog(properties.feedbackLogCapacity());
  }

  @Bean
  CdsHooksInvoker cdsHooksInvoker(
      CdsServiceRegistry registry, ObjectProvider<FhirFetcher> fetcher, MeterRegistry meters) {
    return new CdsHooksInvoker(
        registry, new PrefetchResolver(fetcher.getIfAvailable(() -> FhirFetcher.NONE)), meters);
  }

  @Bean
  FeedbackRecorder feedbackRecorder(
      CdsServiceRegistry registry, FeedbackLog feedbackLog, MeterRegistry meters) {
    return new FeedbackRecorder(registry, feedbackLog, meters);
  }
}
