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
 * The whole application as {@code ./mvnw spring-boot:run} starts it (the {@code local} profile) on
 * a random port, with the suite's H2 file ({@code src/test/resources/config}). Every class so
 * annotated shares one cached application context.
 *
 * <p>A class that adds anything to its context configuration (a property, a profile, an
 * {@code @Import}, a {@code @DynamicPropertySource}, another web environment) starts an application
 * of its own, about as long as the rest of its tests together: add one only when the behaviour
 * under test needs it, and write tests here so that they do not depend on state another class wrote
 * (a card id or hook instance of their own, counters read as differences).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public @interface LocalAppTest {}
