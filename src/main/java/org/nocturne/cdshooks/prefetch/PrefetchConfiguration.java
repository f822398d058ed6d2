package org.nocturne.cdshooks.prefetch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.nocturne.cdshooks.CdsHooksProperties;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** Wires prefetch: the resolver, the FHIR fetcher of what the EHR did not send, and its cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrefetchProperties.class)
public class PrefetchConfiguration {

  /**
   * The prefetch cache; its clock is a {@link Ticker} bean when one exists, so tests can move time.
   */
  @Bean
  public Cache<String, JsonNode> prefetchCache(
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

  /** The questionnaire app's fetches: the fallback's fetcher and budgets, with no cache. */
  @Bean
  PatientFetch patientFetch(
      CdsServiceRegistry registry, PrefetchProperties properties, CdsHooksProperties cdsHooks) {
    return new PatientFetch(
        registry,
        new PrefetchResolver(new HttpFhirFetcher(properties, null), properties.budget()),
        cdsHooks.maxCallBytes());
  }

  @Bean
  PrefetchResolver prefetchResolver(FhirFetcher fetcher, PrefetchProperties properties) {
    return new PrefetchResolver(fetcher, properties.budget());
  }
}
