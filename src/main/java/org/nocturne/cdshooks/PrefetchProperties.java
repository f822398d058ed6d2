package org.nocturne.cdshooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nocturne.prefetch.*}: fetching what the EHR did not prefetch.
 *
 * @param connectTimeout to open a connection to the FHIR server (default 1 s)
 * @param readTimeout for one response (default 2 s)
 * @param budget for all the fetches of one call together (default 2.5 s)
 * @param maxPages {@code next} links followed per key (default 10)
 * @param maxResponseBytes per response; larger ones fail the key (default 10 MiB)
 * @param cacheTtl how long a fetched result is reused for the same query and token (default 60 s)
 * @param cacheMaxEntries cache bound in entries (default 10,000)
 * @param cacheMaxBytes cache bound in estimated heap bytes (default 64 MiB)
 * @param allowedFhirServers FHIR base URLs that may be contacted when JWTs are not required (the
 *     {@code local} profile); with JWTs, each trusted issuer has its own list
 */
@ConfigurationProperties("nocturne.prefetch")
public record PrefetchProperties(
    Duration connectTimeout,
    Duration readTimeout,
    Duration budget,
    Integer maxPages,
    Long maxResponseBytes,
    Duration cacheTtl,
    Long cacheMaxEntries,
    List<String> allowedFhirServers,
    Long cacheMaxBytes) {
  /** The pre-existing eight settings; the cache's byte bound takes its default. */
  public PrefetchProperties(
      Duration connectTimeout,
      Duration readTimeout,
      Duration budget,
      Integer maxPages,
      Long maxResponseBytes,
      Duration cacheTtl,
      Long cacheMaxEntries,
      List<String> allowedFhirServers) {
    this(
        connectTimeout,
        readTimeout,
        budget,
        maxPages,
        maxResponseBytes,
        cacheTtl,
        cacheMaxEntries,
        allowedFhirServers,
        null);
  }

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public PrefetchProperties {
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
    budget = budget == null ? Duration.ofMillis(2500) : budget;
    maxPages = maxPages == null ? 10 : maxPages;
    maxResponseBytes = maxResponseBytes == null ? 10L * 1024 * 1024 : maxResponseBytes;
    cacheTtl = cacheTtl == null ? Duration.ofSeconds(60) : cacheTtl;
    cacheMaxEntries = cacheMaxEntries == null ? 10_000L : cacheMaxEntries;
    cacheMaxBytes = cacheMaxBytes == null ? 64L * 1024 * 1024 : cacheMaxBytes;
    allowedFhirServers = allowedFhirServers == null ? List.of() : List.copyOf(allowedFhirServers);
  }
}
