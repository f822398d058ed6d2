package org.nocturne.cdshooks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JsonNode;

/**
 * Wires the SDK: the discovery document, the registry, the prefetch resolver with its FHIR fetcher
 * and cache, JWT authentication, CORS and feedback. The {@link ReplayGuard}, {@link FeedbackStore}
 * and {@link CallAudit} come from the application: durable state is not the SDK's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  CdsHooksProperties.class,
  PrefetchProperties.class,
  SecurityProperties.class
})
public class CdsHooksConfiguration {
  /** Where the build puts {@code hooks/discovery.json}. */
  public static final String DISCOVERY_RESOURCE = "hooks/discovery.json";

  @Bean
  CdsServiceRegistry cdsServiceRegistry(List<CdsService> services) {
    return new CdsServiceRegistry(DiscoveryDocument.fromClasspath(DISCOVERY_RESOURCE), services);
  }

  @Bean
  PublicBaseUrl publicBaseUrl(SecurityProperties security, Environment environment) {
    return new PublicBaseUrl(
        security.publicBaseUrl(), environment.getProperty("server.port", Integer.class, 8080));
  }

  /**
   * The prefetch cache; its clock is a {@link Ticker} bean when one exists, so tests can move time.
   */
  @Bean
  Cache<String, JsonNode> prefetchCache(
      PrefetchProperties properties, ObjectProvider<Ticker> ticker, MeterRegistry meters) {
    Cache<String, JsonNode> cache =
        Caffeine.newBuilder()
            .expireAfterWrite(properties.cacheTtl())
            .maximumSize(properties.cacheMaxEntries())
            .ticker(ticker.getIfAvailable(Ticker::systemTicker))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(meters, cache, "nocturne.prefetch");
    return cache;
  }

  @Bean
  FhirFetcher fhirFetcher(PrefetchProperties properties, Cache<String, JsonNode> prefetchCache) {
    return new HttpFhirFetcher(properties, prefetchCache);
  }

  @Bean
  CdsHooksInvoker cdsHooksInvoker(
      CdsServiceRegistry registry,
      FhirFetcher fetcher,
      PrefetchProperties properties,
      MeterRegistry meters,
      CallAudit audit) {
    return new CdsHooksInvoker(
        registry, new PrefetchResolver(fetcher, properties.budget()), meters, audit);
  }

  @Bean
  FeedbackRecorder feedbackRecorder(
      CdsServiceRegistry registry, FeedbackStore feedbackStore, MeterRegistry meters) {
    return new FeedbackRecorder(registry, feedbackStore, meters);
  }

  @Bean
  FilterRegistrationBean<JwtAuthenticationFilter> jwtAuthentication(
      SecurityProperties security,
      PrefetchProperties prefetch,
      ObjectProvider<Clock> clock,
      ReplayGuard replayGuard) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    JwtVerifier verifier = new JwtVerifier(security, new JwksKeys(time), time, replayGuard);
    FilterRegistrationBean<JwtAuthenticationFilter> registration =
        new FilterRegistrationBean<>(
            new JwtAuthenticationFilter(
                security.jwtRequired(),
                verifier,
                security.publicBaseUrl(),
                prefetch.allowedFhirServers()));
    registration.addUrlPatterns("/cds-services", "/cds-services/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
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

  /** CORS for browser-based EHRs: preflights are answered before authentication. */
  @Bean
  WebMvcConfigurer cdsHooksCors(SecurityProperties security) {
    return new WebMvcConfigurer() {
      @Override
      public void addCorsMappings(CorsRegistry registry) {
        if (security.allowedOrigins().isEmpty()) {
          return;
        }
        for (String path : List.of("/cds-services", "/cds-services/**")) {
          registry
              .addMapping(path)
              .allowedOriginPatterns(security.allowedOrigins().toArray(String[]::new))
              .allowedMethods("GET", "POST", "OPTIONS")
              .allowedHeaders("Authorization", "Content-Type")
              .maxAge(3600);
        }
      }
    };
  }
}
