package org.nocturne.cdshooks.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.security.Rehearsal;
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
 * <p>Why: a call with cards runs through a few thousand methods (Tomcat, Spring MVC, the JWT check
 * and its {@code jti} claim, HAPI's parser, the cause model, the cards, Jackson). Until the JIT has
 * compiled them it costs three to four times its warm CPU, and under an EHR's full load the
 * compiler thread gets too little of two cores to catch up for minutes (issue 30: 454 req/s at
 * first, 1,045 once warm). Rehearsed on one thread before traffic arrives, the compiler has a core
 * of its own.
 *
 * <p>The calls go over HTTP to the service's own port on loopback, each with a token of the
 * warm-up's {@link Rehearsal} (alternately RS384 and ES384), so the whole request path is compiled,
 * not only the assessment. Such a call leaves no trace: no audit row, metric, call log line or
 * fetch ({@link CdsHooksInvoker#rehearse}); the rehearsal is closed before readiness, and its
 * tokens are refused from then on. Where the port cannot be reached over plain HTTP on loopback
 * (TLS, another bind address), the calls are rehearsed in process instead.
 */
final class WarmUp implements HealthIndicator {
  private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
  static final String EXAMPLES = "classpath*:hooks/*/*.request.json";

  /** One example call: the service it is made to and its body. */
  record Example(String serviceId, String name, byte[] body) {}

  static final int IN_PROCESS_PER_HTTP_CALL = 4;

  private final CdsHooksInvoker invoker;
  private final List<Example> examples;
  private final Duration duration;
  private final Rehearsal rehearsal;
  private volatile int port;
  private volatile boolean done;
  private volatile boolean stopped;
  private volatile long calls;
  private volatile long callsOverHttp;

  /** In process only. */
  WarmUp(CdsHooksInvoker invoker, List<Example> examples, Duration duration) {
    this(invoker, examples, duration, Rehearsal.closed());
  }

  WarmUp(CdsHooksInvoker invoker, List<Example> examples, Duration duration, Rehearsal rehearsal) {
    this.invoker = invoker;
    this.examples = List.copyOf(examples);
    this.duration = duration;
    this.rehearsal = rehearsal;
    this.done = duration.isZero() || examples.isEmpty();
    if (done) {
      rehearsal.close();
    }
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

  /**
   * Starts the rehearsal on a thread of its own; readiness is down until it ends.
   *
   * @param port the service's HTTP port, or 0 to rehearse in process
   */
  void start(int port) {
    this.port = port;
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

  /** How many of the calls went over HTTP. */
  long callsOverHttp() {
    return callsOverHttp;
  }

  void run() {
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    try {
      List<Example> answering = answering();
      HttpClient http = port > 0 && rehearsal.open() ? client() : null;
      log.info(
          "warm-up: rehearsing {} example calls for {} s before readiness, {}",
          answering.size(),
          duration.toSeconds(),
          http == null ? "in process" : "over HTTP on loopback port " + port);
      // every example at least once more, however short the time
      do {
        for (Example example : answering) {
          if (http != null && !overHttp(http, example)) {
            http = null;
          }
          // the assessment also in process, several times as often: a call over HTTP costs
          // the signing of its token and the client's side too
          for (int i = 0; i < IN_PROCESS_PER_HTTP_CALL; i++) {
            rehearse(example);
          }
        }
      } while (!stopped
          && !invoker.served()
          && !answering.isEmpty()
          && System.nanoTime() < deadline);
      log.info(
          "warm-up: {} calls ({} over HTTP) in {} ms; ready for traffic{}",
          calls,
          callsOverHttp,
          (System.nanoTime() - start) / 1_000_000,
          invoker.served()
              ? " (cut short: an EHR's call arrived before readiness, so the rehearsal gave way)"
              : "");
    } finally {
      // no rehearsal token passes once the service is ready
      rehearsal.close();
      done = true;
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * One example call over HTTP, as an EHR makes it; false (and a warning) when it was not answered
   * with 200, so that the rest is rehearsed in process.
   */
  private boolean overHttp(HttpClient http, Example example) {
    String path = "/cds-services/" + example.serviceId();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + rehearsal.token(path, callsOverHttp % 2 == 1))
            .POST(HttpRequest.BodyPublishers.ofByteArray(example.body()))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        log.warn(
            "warm-up: example {} answered {} over HTTP; rehearsing in process instead",
            example.name(),
            status);
        return false;
      }
    } catch (IOException e) {
      log.warn(
          "warm-up: port {} not reachable over HTTP on loopback ({}); rehearsing in process"
              + " instead",
          port,
          e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return false;
    }
    calls++; // one writer: this thread
    callsOverHttp++;
    return true;
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
