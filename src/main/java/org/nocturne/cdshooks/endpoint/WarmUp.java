package org.nocturne.cdshooks.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Rehearses the contract's example calls ({@code hooks/<service>/*.request.json}, shipped in the
 * jar) for a while after start-up, and keeps readiness down until it is done.
 *
 * <p>Why: a call with cards runs through a few thousand methods (HAPI's parser, the cause model,
 * the cards, Jackson). Until the JIT has compiled them it costs three to four times its warm CPU,
 * and under an EHR's full load the compiler thread gets too little of two cores to catch up for
 * minutes (issue 30: 454 req/s at first, 1,045 once warm). Rehearsed on one thread before traffic
 * arrives, the compiler has a core of its own. A rehearsal leaves no trace: no audit row, metric,
 * log line or fetch ({@link CdsHooksInvoker#rehearse}).
 */
final class WarmUp implements HealthIndicator {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
  static final String EXAMPLES = "classpath*:hooks/*/*.request.json";

  /** One example call: the service it is made to and its body. */
  record Example(String serviceId, String name, byte[] body) {}

  private final CdsHooksInvoker invoker;
  private final List<Example> examples;
  private final Duration duration;
  private volatile boolean done;
  private volatile boolean stopped;
  private volatile long calls;

  WarmUp(CdsHooksInvoker invoker, List<Example> examples, Duration duration) {
    this.invoker = invoker;
    this.examples = List.copyOf(examples);
    this.duration = duration;
    this.done = duration.isZero() || examples.isEmpty();
  }

  /** The examples of the registered services found on the classpath. */
  static List<Example> examples(Set<String> serviceIds) {
    List<Example> found = new ArrayList<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(EXAMPLES)) {
        String path = resource.getURL().getPath();
        String[] parts = path.split("/");
        String serviceId = parts[parts.length - 2];
        if (serviceIds.contains(serviceId)) {
          try (InputStream in = resource.getInputStream()) {
            found.add(new Example(serviceId, parts[parts.length - 1], in.readAllBytes()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the warm-up examples could not be read", e);
    }
    return found;
  }

  /** Starts the rehearsal on a thread of its own; readiness is down until it ends. */
  void start() {
    if (done) {
      return;
    }
    Thread thread = new Thread(this::run, "warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() {
    stopped = true;
  }

  boolean done() {
    return done;
  }

  long calls() {
    return calls;
  }

  void run() {
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    try {
      List<Example> answering = answering();
      log.info(
          "warm-up: rehearsing {} example calls for {} s before readiness",
          answering.size(),
          duration.toSeconds());
      // every example at least once more, however short the time
      do {
        for (Example example : answering) {
          rehearse(example);
        }
      } while (!stopped && !answering.isEmpty() && System.nanoTime() < deadline);
      log.info(
          "warm-up: {} calls in {} ms; ready for traffic",
          calls,
          (System.nanoTime() - start) / 1_000_000);
    } finally {
      done = true;
    }
  }

  /**
   * The examples that answer with cards: those the contract answers with an error (412, 400) are
   * left out, so the rehearsal is the path an EHR's call takes.
   */
  private List<Example> answering() {
    List<Example> answering = new ArrayList<>();
    for (Example example : examples) {
      try {
        rehearse(example);
        answering.add(example);
      } catch (CdsHooksException expected) {
        // an example of a refusal
      } catch (RuntimeException e) {
        log.warn("warm-up: example {} failed: {}", example.name(), e.toString());
      }
    }
    return answering;
  }

  /** The call as the controller makes it, its answer written as the EHR would receive it. */
  private void rehearse(Example example) {
    calls++; // one writer: this thread
    CdsJson.mapper().writeValueAsBytes(invoker.rehearse(example.serviceId(), example.body()));
  }

  @Override
  public Health health() {
    return done
        ? Health.up().build()
        : Health.outOfService().withDetail("warmUpCalls", calls).build();
  }
}
