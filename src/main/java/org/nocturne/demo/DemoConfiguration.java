package org.nocturne.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The demo EHR, on only where {@code nocturne.demo.enabled} is true (the {@code local} profile):
 * its FHIR server with the synthetic patients, and the chart's static files under {@code /demo/}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("nocturne.demo.enabled")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

  @Bean
  DemoAuthorizationServer demoAuthorizationServer(
      DemoProperties properties, ObjectProvider<Clock> clock) {
    return new DemoAuthorizationServer(
        clock.getIfAvailable(Clock::systemUTC), properties.auth().tokenLifetime());
  }

  @Bean
  DemoFhirServer demoFhirServer(
      ObjectProvider<FhirContext> fhir,
      ObjectProvider<Clock> clock,
      DemoAuthorizationServer authorization,
      DemoProperties properties) {
    FhirContext context = fhir.getIfAvailable(FhirContext::forR4Cached);
    DemoFhirServer server = new DemoFhirServer(context);
    new DemoData(context, clock.getIfAvailable(Clock::systemUTC)).loadInto(server);
    server.register(new DemoFhirGuard(authorization));
    server.register(new SmartCapabilities());
    if (properties.fhir().rejectWrites()) {
      server.register(new DemoRejectWrites());
    }
    return server;
  }

  /**
   * CORS for the SMART app in the browser, as an EHR gives it: the app may run on another origin
   * than the FHIR server and the token endpoint (here {@code localhost} against {@code 127.0.0.1}).
   * Loopback origins only, like everything in {@code local}. A preflight is answered here and never
   * reaches the token guard.
   */
  @Bean
  FilterRegistrationBean<CorsFilter> demoCors() {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(
        List.of(
            "http://localhost",
            "http://localhost:[*]",
            "http://127.0.0.1",
            "http://127.0.0.1:[*]",
            "http://[::1]",
            "http://[::1]:[*]"));
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of("Authorization", "Content-Type", "Accept", "Prefer", "If-Match"));
    cors.setExposedHeaders(List.of("Location", "Content-Location", "ETag", "Last-Modified"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    // every path the filter sees (its URL patterns below): below HAPI's servlet mapping the lookup
    // path is the one within the servlet, so a "/demo/fhir/**" pattern would match nothing there
    source.registerCorsConfiguration("/**", cors);
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(source));
    registration.addUrlPatterns(DemoFhirServer.PATH + "/*", DemoAuthController.TOKEN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SmartConfigurationFilter> smartConfiguration() {
    FilterRegistrationBean<SmartConfigurationFilter> registration =
        new FilterRegistrationBean<>(new SmartConfigurationFilter());
    registration.addUrlPatterns(SmartConfigurationFilter.PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 9);
    return registration;
  }

  @Bean
  ServletRegistrationBean<RestfulServer> demoFhirServlet(DemoFhirServer server) {
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server.servlet(), DemoFhirServer.PATH + "/*");
    registration.setName("demoFhirServer");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /** The chart: plain HTML, CSS and JavaScript, never cached so an edit shows on reload. */
  @Bean
  WebMvcConfigurer demoChart() {
    return new WebMvcConfigurer() {
      @Override
      public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/demo/**").addResourceLocations("classpath:/demo-ui/");
      }
    };
  }
}
