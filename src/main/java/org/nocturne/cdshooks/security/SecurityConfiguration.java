package org.nocturne.cdshooks.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.nocturne.cdshooks.CdsHooksProperties;
import org.nocturne.cdshooks.prefetch.PrefetchProperties;
import org.slf4j.LoggerFactory;
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

/**
 * Wires who may call: JWT authentication of the EHR, CORS for browser EHRs, the loopback guard of
 * {@code local} mode and the service's public base URL. The {@link ReplayGuard} comes from the
 * application: durable state is not the SDK's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

  @Bean
  PublicBaseUrl publicBaseUrl(SecurityProperties security, Environment environment) {
    return new PublicBaseUrl(
        security.publicBaseUrl(), environment.getProperty("server.port", Integer.class, 8080));
  }

  /**
   * The warm-up's own tokens ({@link Rehearsal}): open from start-up until the warm-up closes it,
   * closed from the start when there is no warm-up.
   */
  @Bean
  Rehearsal rehearsal(
      SecurityProperties security, CdsHooksProperties cdsHooks, ObjectProvider<Clock> clock) {
    return cdsHooks.warmUp().isZero()
        ? Rehearsal.closed()
        : Rehearsal.open(security.publicBaseUrl(), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  FilterRegistrationBean<JwtAuthenticationFilter> jwtAuthentication(
      SecurityProperties security,
      PrefetchProperties prefetch,
      ObjectProvider<Clock> clock,
      ReplayGuard replayGuard,
      Rehearsal rehearsal,
      Environment environment,
      ObjectProvider<MeterRegistry> meters) {
    Clock time = clock.getIfAvailable(Clock::systemUTC);
    TrustedNetworks networks = new TrustedNetworks(security.trustedNetworks());
    if (!networks.isEmpty()) {
      if (environment.matchesProfiles("local")) {
        throw new IllegalStateException(
            "nocturne.security.trusted-networks is never used with the local profile");
      }
      // loud on purpose: every call from these networks is answered without a signed token
      LoggerFactory.getLogger(SecurityConfiguration.class)
          .warn(
              "TRUSTED-NETWORK MODE: calls without a JWT are accepted from {} (clients that"
                  + " cannot sign, such as Bahmni); they may not send us to any FHIR server",
              networks.describe());
    }
    JwksKeys keys = new JwksKeys(time, meters.getIfAvailable(SimpleMeterRegistry::new));
    JwtVerifier verifier = new JwtVerifier(security, keys, time, replayGuard, rehearsal);
    FilterRegistrationBean<JwtAuthenticationFilter> registration =
        new FilterRegistrationBean<>(
            new JwtAuthenticationFilter(
                security.jwtRequired(),
                verifier,
                security.publicBaseUrl(),
                prefetch.allowedFhirServers(),
                networks));
    registration.addUrlPatterns("/cds-services", "/cds-services/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
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
        new ArrayList<>(
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
