package org.nocturne;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts every {@link LocalAppTest} class on {@link LocalAppTest#PORT} (registered in {@code
 * META-INF/spring.factories}). A {@code @DynamicPropertySource} would do the same, but a context is
 * shared only by classes that declare the same such method, which a meta-annotation cannot carry;
 * this customizer is equal for all of them, so they share one context.
 */
public final class LocalAppPort implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
            .isPresent(LocalAppTest.class)
        ? new OnThePort()
        : null;
  }

  private static final class OnThePort implements ContextCustomizer {
    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "localAppTest", Map.of("server.port", String.valueOf(LocalAppTest.PORT))));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof OnThePort;
    }

    @Override
    public int hashCode() {
      return OnThePort.class.hashCode();
    }
  }
}
