package org.nocturne.cdshooks.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The body limits of every path, ahead of all dispatch: {@link BodyDeadlineFilter} first of all
 * filters, {@link UnreadBodyValve} in Tomcat's engine (README, Security).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimitsProperties.class)
class HttpLimitsConfiguration {
  @Bean
  FilterRegistrationBean<BodyDeadlineFilter> bodyDeadline(HttpLimitsProperties limits) {
    FilterRegistrationBean<BodyDeadlineFilter> registration =
        new FilterRegistrationBean<>(new BodyDeadlineFilter(limits));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Browser security headers on every response, the HTML pages included. */
  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodiesAreNotSwallowed() {
    return factory -> factory.addEngineValves(new UnreadBodyValve());
  }
}
