package org.nocturne;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The application under test on a port known before it starts (a browser, a SMART redirect or a
 * FHIR base URL must name it), with state of its own.
 */
public final class LocalApp {
  private LocalApp() {}

  /** A port nothing listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The port, and an in-memory H2 database named {@code state} in PostgreSQL mode (as the local
   * profile's file): the feedback and audit a test writes never mix with another test's.
   */
  public static void onPort(DynamicPropertyRegistry registry, int port, String state) {
    registry.add("server.port", () -> port);
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:"
                + state
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }
}
