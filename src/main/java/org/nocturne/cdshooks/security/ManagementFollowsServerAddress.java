package org.nocturne.cdshooks.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The management port (health details, metrics, Prometheus: no authentication) listens where the
 * service does unless {@code management.server.address} says otherwise. Spring Boot binds it to all
 * interfaces by default: a service bound to 127.0.0.1 behind a proxy still exposed its metrics to
 * the network (issue 27).
 */
public final class ManagementFollowsServerAddress implements EnvironmentPostProcessor {
  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String server = environment.getProperty("server.address");
    String port = environment.getProperty("management.server.port");
    // only for a port of its own: on the server's port it listens where the server does anyway
    if (server == null
        || server.isBlank()
        || port == null
        || port.isBlank()
        || port.trim().equals("-1")
        || port.trim().equals(environment.getProperty("server.port", "8080").trim())
        || environment.containsProperty("management.server.address")) {
      return;
    }
    // last: any source that sets management.server.address itself wins
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "nocturne-management-address", Map.of("management.server.address", server)));
  }
}
