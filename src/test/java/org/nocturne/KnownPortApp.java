package org.nocturne;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code local} application on a port known before it starts, for tests whose browser, SMART
 * redirect or FHIR base URL must name it (the local profile allows fetches from, and app launches
 * by, {@code http://127.0.0.1:${server.port}/demo/fhir} only). One port for the JVM, so every
 * subclass shares one cached application context; its demo FHIR server and state are shared too, so
 * each test class works on demo patients of its own.
 *
 * <p>A base class rather than a meta-annotation such as {@link LocalAppTest}: the port is a {@code
 * DynamicPropertySource}, and a context is shared only when its classes declare the same one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
public abstract class KnownPortApp {
  public static final int PORT = LocalApp.freePort();

  @DynamicPropertySource
  static void onTheKnownPort(DynamicPropertyRegistry registry) {
    LocalApp.onPort(registry, PORT, "known-port-app");
  }
}
