package org.nocturne.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the admin endpoints behind their token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class AnalyticsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(AnalyticsConfiguration.class);

  @Bean
  FilterRegistrationBean<AdminAccessFilter> adminAccess(AdminProperties properties) {
    if (properties.open()) {
      log.warn("admin endpoints are OPEN without a token (nocturne.admin.open, local profile)");
    } else if (properties.token() == null) {
      log.info("admin endpoints are off: set nocturne.admin.token to read feedback analytics");
    }
    FilterRegistrationBean<AdminAccessFilter> registration =
        new FilterRegistrationBean<>(new AdminAccessFilter(properties));
    registration.addUrlPatterns("/admin/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
