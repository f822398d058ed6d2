package org.nocturne;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application as {@code ./mvnw spring-boot:run} starts it (the {@code local} profile, the
 * suite's H2 file from {@code src/test/resources/config}) on {@link #PORT}, a port known before it
 * starts: a browser, a SMART redirect or the demo's FHIR base URL can name it, and the local
 * profile's allowed FHIR server and app issuer ({@code http://127.0.0.1:${server.port}/...}) are
 * the real ones. Every class so annotated shares one cached application context ({@link
 * LocalAppPort} sets the port the same way for all of them).
 *
 * <p>A class that adds anything to its context configuration (a property, a profile, an
 * {@code @Import}, a {@code @DynamicPropertySource}, another web environment) starts an application
 * of its own, about as long as the rest of its tests together: add one only when the behaviour
 * under test needs it. Tests here share the demo's FHIR server and the state, so each works on demo
 * patients, card ids or hook instances of its own and reads counters as differences.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
public @interface LocalAppTest {
  /** The application's port, one for the JVM. */
  int PORT = LocalApp.freePort();
}
