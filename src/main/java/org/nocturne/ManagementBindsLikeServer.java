package org.nocturne;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The actuator's own port (health details, metrics, Prometheus) listens on the service's address
 * unless {@code management.server.address} says otherwise (when it has a port of its own). Spring
 * Boot binds it to every interface by default, so {@code --server.address=127.0.0.1} kept the API
 * on loopback but left the metrics open to the network. Added last: any source that sets the
 * management address wins. Registered in {@code META-INF/spring.factories}.
 */
public final class ManagementBindsLikeServer implements EnvironmentPostProcessor {
  static final String SERVER_ADDRESS = "server.address";
  static final String MANAGEMENT_ADDRESS = "management.server.address";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String address = environment.getProperty(SERVER_ADDRESS);
    if (address == null
        || address.isBlank()
        || environment.containsProperty(MANAGEMENT_ADDRESS)
        || !separateManagementPort(environment)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "nocturne-management-address", Map.of(MANAGEMENT_ADDRESS, address)));
  }

  /**
   * As Spring Boot's {@code ManagementPortType} decides: an address of its own is allowed (and
   * needed) only when the actuator has a port of its own ({@code local} serves both on one).
   */
  private static boolean separateManagementPort(ConfigurableEnvironment environment) {
    Integer management = environment.getProperty("management.server.port", Integer.class);
    Integer server = environment.getProperty("server.port", Integer.class, 8080);
    return management != null && management >= 0 && !management.equals(server);
  }
}
