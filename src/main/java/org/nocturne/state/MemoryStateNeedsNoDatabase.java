package org.nocturne.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code nocturne.state=memory} nothing reads a database, yet Spring Boot would still start an
 * embedded H2, a connection pool and Flyway's migration for it (time at every start, and memory).
 * This excludes the DataSource auto-configurations (pooled and JNDI) then, keeping any exclusions
 * the operator set. Registered in {@code META-INF/spring.factories}.
 */
public final class MemoryStateNeedsNoDatabase implements EnvironmentPostProcessor {
  static final String DATA_SOURCE =
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";
  static final String JNDI_DATA_SOURCE =
      "org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration";
  private static final String EXCLUDE = "spring.autoconfigure.exclude";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    // compared as @ConditionalOnProperty compares it, so the two always agree
    if (!"memory".equalsIgnoreCase(environment.getProperty("nocturne.state", ""))) {
      return;
    }
    List<String> excluded =
        new ArrayList<>(
            Arrays.asList(
                Binder.get(environment).bind(EXCLUDE, String[].class).orElse(new String[0])));
    for (String dataSource : List.of(DATA_SOURCE, JNDI_DATA_SOURCE)) {
      if (!excluded.contains(dataSource)) {
        excluded.add(dataSource);
      }
    }
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "nocturne-memory-state", Map.of(EXCLUDE, String.join(",", excluded))));
  }
}
