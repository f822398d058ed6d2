package org.nocturne.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
  DemoAddress demoAddress() {
    return new DemoAddress();
  }

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

  /** Every JSON body to the demo bounded before HAPI or Spring parses it. */
  @Bean
  FilterRegistrationBean<DemoJsonBounds> demoJsonBounds() {
    FilterRegistrationBean<DemoJsonBounds> registration =
        new FilterRegistrationBean<>(new DemoJsonBounds());
    registration.addUrlPatterns("/demo/*");
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
