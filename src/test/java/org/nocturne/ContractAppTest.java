package org.nocturne;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as the contract examples ({@code hooks/}) show it: the {@code local} profile on a
 * random port, the evaluation date pinned ({@link FixedClock}), card links under the published base
 * URL {@code http://localhost:8080}. Every class so annotated shares one cached application
 * context; as with {@link LocalAppTest}, a class that adds to it starts an application of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "nocturne.security.public-base-url=http://localhost:8080")
@ActiveProfiles("local")
@Import(FixedClock.class)
public @interface ContractAppTest {}
