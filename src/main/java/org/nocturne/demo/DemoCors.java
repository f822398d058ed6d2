package org.nocturne.demo;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS on the demo EHR's FHIR server and token endpoint, as a real EHR offers SMART browser apps:
 * the app runs on its own origin (the cards' link says {@code localhost}, the chart may be on
 * {@code 127.0.0.1}), and fhirclient reads the SMART configuration, exchanges the code and calls
 * the FHIR API with fetch. Loopback origins only (the demo is loopback-only); a filter ahead of the
 * token guard, so a preflight never meets it and a 401 still carries the headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("nocturne.demo.enabled")
class DemoCors {
  static final List<String> LOOPBACK_ORIGINS =
      List.of("http://localhost:[*]", "http://127.0.0.1:[*]", "http://[::1]:[*]");

  @Bean
  FilterRegistrationBean<CorsFilter> demoCorsFilter() {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(LOOPBACK_ORIGINS);
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
    cors.setExposedHeaders(List.of("Location", "ETag", "WWW-Authenticate"));
    cors.setMaxAge(3600L);
    // the URL patterns below choose the paths: a path-based source would see only the path
    // within the FHIR servlet's mapping there
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(request -> cors));
    registration.addUrlPatterns(DemoFhirServer.PATH + "/*", DemoAuthController.TOKEN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
    return registration;
  }
}
