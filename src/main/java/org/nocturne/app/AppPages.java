package org.nocturne.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The app's static files, built by npm into {@code classpath:/app-ui/} (src/main/app): {@code
 * /app/launch} is the SMART launch URL, {@code /app/} the redirect URI. Controllers under {@code
 * /app} (config, validate, assessment) win over these files.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("nocturne.app.enabled")
class AppPages implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/app/**").addResourceLocations("classpath:/app-ui/");
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/app", "/app/");
    registry.addViewController("/app/").setViewName("forward:/app/index.html");
    registry.addViewController("/app/launch").setViewName("forward:/app/launch.html");
  }
}
