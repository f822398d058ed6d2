package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * The management port listens where the service does: {@code --server.address=127.0.0.1} keeps
 * health details and metrics on loopback too, unless {@code management.server.address} is set.
 */
class ManagementAddressTest {
  private final ManagementBindsLikeServer processor = new ManagementBindsLikeServer();

  @Test
  void aServerAddressBindsTheManagementPortToo() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("server.address", "127.0.0.1")
            .withProperty("management.server.port", "8081");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
  }

  @Test
  void aManagementAddressOfItsOwnWins() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("server.address", "127.0.0.1")
            .withProperty("management.server.port", "8081")
            .withProperty("management.server.address", "10.0.0.5");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("management.server.address")).isEqualTo("10.0.0.5");
  }

  @Test
  void oneSharedPortTakesNoAddressOfItsOwn() { // local: Spring Boot refuses one there
    MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.containsProperty("management.server.address")).isFalse();
  }

  @Test
  void withoutAServerAddressBothListenEverywhere() {
    MockEnvironment environment = new MockEnvironment();

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.containsProperty("management.server.address")).isFalse();
  }

  @Test
  void aLoopbackStartRefusesMetricsFromTheNetwork() throws Exception {
    int port = LocalApp.freePort();
    int management = LocalApp.freePort();
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            NocturneApplication.class,
            "--server.address=127.0.0.1",
            "--server.port=" + port,
            "--management.server.port=" + management,
            "--nocturne.state=memory",
            "--nocturne.security.public-base-url=http://localhost:" + port,
            "--nocturne.security.trusted-issuers[0].issuer=https://ehr.example.org",
            "--nocturne.security.trusted-issuers[0].jwks-uri=https://ehr.example.org/jwks")) {
      assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isEqualTo(port);
      assertThat(new LocalServer(management).get("/actuator/health").statusCode()).isEqualTo(200);
      Optional<InetAddress> network = nonLoopbackAddress();
      if (network.isPresent()) { // a machine with a network interface: nothing answers there
        assertThat(connects(network.get(), management)).isFalse();
      }
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    return NetworkInterface.networkInterfaces()
        .filter(nic -> nic.inetAddresses().anyMatch(a -> a instanceof Inet4Address))
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
