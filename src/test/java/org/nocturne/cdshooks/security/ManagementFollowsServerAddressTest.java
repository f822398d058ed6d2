package org.nocturne.cdshooks.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The unauthenticated management port listens where the service does, unless told otherwise. */
class ManagementFollowsServerAddressTest {
  private static MockEnvironment processed(MockEnvironment environment) {
    new ManagementFollowsServerAddress()
        .postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void theManagementPortTakesTheServersAddress() {
    MockEnvironment environment =
        processed(
            new MockEnvironment()
                .withProperty("server.address", "127.0.0.1")
                .withProperty("management.server.port", "8081"));

    assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
  }

  @Test
  void anAddressOfItsOwnIsKeptAndNoServerAddressChangesNothing() {
    assertThat(
            processed(
                    new MockEnvironment()
                        .withProperty("server.address", "127.0.0.1")
                        .withProperty("management.server.port", "8081")
                        .withProperty("management.server.address", "10.0.0.5"))
                .getProperty("management.server.address"))
        .isEqualTo("10.0.0.5");
    assertThat(processed(new MockEnvironment()).getProperty("management.server.address")).isNull();
    // on the server's own port (the local profile) Spring Boot refuses an address of its own
    assertThat(
            processed(new MockEnvironment().withProperty("server.address", "127.0.0.1"))
                .getProperty("management.server.address"))
        .isNull();
  }
}
