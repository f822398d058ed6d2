package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalAppTest;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.nocturne.cdshooks.prefetch.PrefetchResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;

/** The rehearsal of the contract's example calls after start-up, before readiness. */
@LocalAppTest
class WarmUpTest {
  @Autowired CdsServiceRegistry registry;
  @Autowired PrefetchResolver resolver;
  @Autowired CardGate gate;
  @Autowired Environment environment;

  private final List<CallAudit.CallRecord> audited = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  /** The application's pipeline, with an audit and meters this test can read. */
  private CdsHooksInvoker invoker() {
    return new CdsHooksInvoker(registry, resolver, meters, audited::add, gate);
  }

  @Test
  void findsTheExamplesOfEveryRegisteredServiceAndNoOthers() {
    List<WarmUp.Example> examples = WarmUp.examples(registry.ids());

    assertThat(examples).extracting(WarmUp.Example::serviceId).containsAll(registry.ids());
    assertThat(examples).allSatisfy(e -> assertThat(e.name()).endsWith(".request.json"));
    assertThat(WarmUp.examples(Set.of("no-such-service"))).isEmpty();
  }

  @Test
  void rehearsesUntilItsTimeIsUpThenIsReadyAndLeavesNoTrace() {
    List<WarmUp.Example> examples = WarmUp.examples(registry.ids());
    WarmUp warmUp = new WarmUp(invoker(), examples, Duration.ofMillis(300));
    assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

    warmUp.run();

    assertThat(warmUp.done()).isTrue();
    assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
    // every example that answers with cards at least twice: once to sort them, once rehearsed
    assertThat(warmUp.calls()).isGreaterThan(examples.size());
    assertThat(audited).as("no audit row").isEmpty();
    assertThat(meters.getMeters()).as("no metric").isEmpty();
  }

  @Test
  void leavesOutAnExampleTheServiceRefusesAndRehearsesTheRest() {
    WarmUp.Example good =
        WarmUp.examples(registry.ids()).stream()
            .filter(e -> e.name().equals("full-prefetch.request.json"))
            .findFirst()
            .orElseThrow();
    WarmUp.Example broken =
        new WarmUp.Example(
            good.serviceId(), "broken.request.json", "{not json".getBytes(StandardCharsets.UTF_8));
    WarmUp warmUp = new WarmUp(invoker(), List.of(broken, good), Duration.ofMillis(100));

    warmUp.run();

    assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
    assertThat(warmUp.calls()).isGreaterThan(1);
  }

  @Test
  void givesWayWhenAnEhrCallsBeforeReadiness() {
    CdsHooksInvoker invoker = invoker();
    WarmUp.Example example =
        WarmUp.examples(registry.ids()).stream()
            .filter(e -> e.name().equals("full-prefetch.request.json"))
            .findFirst()
            .orElseThrow();
    invoker.invoke(
        example.serviceId(), example.body(), org.nocturne.cdshooks.Caller.unverified(List.of()));
    WarmUp warmUp = new WarmUp(invoker, List.of(example), Duration.ofMinutes(10));

    long start = System.nanoTime();
    warmUp.run();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    assertThat(warmUp.done()).isTrue();
    assertThat(warmUp.calls())
        .as("the first round only")
        .isLessThanOrEqualTo(1 + WarmUp.IN_PROCESS_PER_HTTP_CALL);
  }

  @Test
  void noWarmUpIsReadyAtOnce() {
    WarmUp warmUp = new WarmUp(invoker(), WarmUp.examples(registry.ids()), Duration.ZERO);

    assertThat(warmUp.done()).isTrue();
    assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void readinessWaitsForTheWarmUp() {
    assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
        .contains("warmUp");
    assertThat(environment.getProperty("nocturne.cds-hooks.warm-up", Duration.class))
        .as("the suite's contexts rehearse nothing (src/test/resources/config)")
        .isZero();
  }
}
