package org.nocturne.cdshooks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
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
            // bounded in bytes, and in entries by a minimum weight per entry
            .maximumWeight(properties.cacheMaxBytes())
            .<String, JsonNode>weigher(
                (key, value) ->
                    (int)
                        Math.min(
                            Integer.MAX_VALUE,
                            Math.max(
                                JsonWeight.bytes(value),
                                properties.cacheMaxBytes()
                                    / Math.max(1, properties.cacheMaxEntries()))))
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

  /** The app's fetches: the fallback's fetcher and budgets, with no cache. */
  @Bean
  PatientFetch patientFetch(
      CdsServiceRegistry registry, PrefetchProperties properties, CdsHooksProperties cdsHooks) {
    return new PatientFetch(
        registry,
        new PrefetchResolver(new HttpFhirFetcher(properties, null), properties.budget()),
        cdsHooks.maxCallBytes());
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

  /** Health component {@code memory}: DOWN when the heap is exhausted. */
  @Bean
  org.springframework.boot.health.contributor.HealthIndicator memoryHealthIndicator() {
    return new MemoryHealth();
  }

  @Bean
  CallLimiter callLimiter(CdsHooksProperties properties) {
    return new CallLimiter(properties.concurrentCalls(Runtime.getRuntime().maxMemory()));
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

  /**
   * CORS for browser-based EHRs, as a filter ahead of authentication: preflights are answered
   * before it, and every response to an allowed origin carries the headers, a 401 included (else
   * the browser reports a CORS error, not the 401). In {@code local} mode only loopback origins and
   * the service's own are allowed, whatever is configured: the service is unauthenticated there.
   */
  @Bean
  FilterRegistrationBean<CorsFilter> cdsHooksCors(SecurityProperties security) {
    CorsConfiguration cors = new CorsConfiguration();
    List<String> origins =
        security.jwtRequired() ? security.allowedOrigins() : localOrigins(security);
    cors.setAllowedOriginPatterns(origins);
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (!origins.isEmpty()) {
      source.registerCorsConfiguration("/cds-services", cors);
      source.registerCorsConfiguration("/cds-services/**", cors);
    }
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(source));
    registration.addUrlPatterns("/cds-services", "/cds-services/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
    return registration;
  }

  private static List<String> localOrigins(SecurityProperties security) {
    List<String> origins =
        new java.util.ArrayList<>(
            List.of(
                "http://localhost",
                "http://localhost:[*]",
                "http://127.0.0.1",
                "http://127.0.0.1:[*]",
                "http://[::1]",
                "http://[::1]:[*]"));
    if (security.publicBaseUrl() != null) {
      URI own = URI.create(security.publicBaseUrl());
      origins.add(
          own.getScheme() + "://" + own.getHost() + (own.getPort() < 0 ? "" : ":" + own.getPort()));
    }
    return origins;
  }

  /** Local mode only: refuses Host headers that are not loopback names (DNS rebinding). */
  @Bean
  FilterRegistrationBean<LoopbackHostFilter> loopbackHosts(SecurityProperties security) {
    FilterRegistrationBean<LoopbackHostFilter> registration =
        new FilterRegistrationBean<>(
            new LoopbackHostFilter(
                security.publicBaseUrl() == null
                    ? null
                    : URI.create(security.publicBaseUrl()).getHost()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setEnabled(!security.jwtRequired());
    return registration;
  }
}
