package org.nocturne.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP load test: starts the service jar on a free loopback port (local profile), times the
 * start-up to the first answered discovery, drives {@code nocturnal-leg-pain} at fixed
 * concurrencies for a fixed time with the {@code hooks/} full-prefetch example, then without
 * prefetch against a FHIR test server on loopback (cold: a new token per call, so nothing is
 * cached; warm: one token, so the cache answers), and prints throughput, latency percentiles,
 * errors and the service's resident memory. Bounded in count and time; talks to 127.0.0.1 only.
 *
 * <p>Run: {@code ./mvnw -P bench -DskipTests package exec:exec@load} (optional {@code
 * -Dload.seconds=20}).
 */
public final class LoadTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private record Result(
      String scenario, int concurrency, long requests, long errors, double seconds, long[] nanos) {
    String row() {
      Arrays.sort(nanos);
      return String.format(
          Locale.ROOT,
          "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %d |",
          scenario,
          concurrency,
          requests,
          requests / seconds,
          ms(0.50),
          ms(0.95),
          ms(0.99),
          errors);
    }

    private double ms(double quantile) {
      return nanos.length == 0
          ? Double.NaN
          : nanos[Math.min(nanos.length - 1, (int) Math.ceil(quantile * nanos.length) - 1)] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("load.seconds", 15);
    Path jar =
        Files.list(Path.of("target"))
            .filter(p -> p.toString().matches(".*nocturne-cds-.*\\.jar"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("build the jar first"));
    ObjectMapper json = new ObjectMapper();
    JsonNode example =
        json.readTree(
            Files.readString(Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json")));

    HttpServer fhir = fhirServer(example.get("prefetch"));
    String fhirBase = "http://127.0.0.1:" + fhir.getAddress().getPort() + "/fhir";
    int port = freePort();
    long start = System.nanoTime();
    List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
    // e.g. -Dload.jvmArgs="-XX:StartFlightRecording=filename=target/load.jfr" to profile the
    // service
    String jvmArgs = System.getProperty("load.jvmArgs", "").trim();
    if (!jvmArgs.isEmpty()) {
      command.addAll(List.of(jvmArgs.split("\\s+")));
    }
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--spring.profiles.active=local",
            "--server.port=" + port,
            "--nocturne.prefetch.allowed-fhir-servers[0]=" + fhirBase,
            // production's cache (local has none, for the demo chart): the "cached" scenario
            "--nocturne.prefetch.cache-ttl=60s",
            "--logging.level.org.nocturne=WARN"));
    Process service =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target/load-service.log").toFile())
            .start();
    try {
      String base = "http://127.0.0.1:" + port;
      double startup = waitForDiscovery(base, start);
      String full = example.toString();
      IntFunction<String> cold = i -> withoutPrefetch(example, fhirBase, "token-" + i);
      IntFunction<String> warm = i -> withoutPrefetch(example, fhirBase, "one-token");

      List<Result> results = new ArrayList<>();
      run(base, 4, 3, i -> full, "warm-up");
      results.add(run(base, 4, seconds, i -> full, "full prefetch"));
      results.add(run(base, 16, seconds, i -> full, "full prefetch"));
      results.add(run(base, 4, seconds, cold, "no prefetch, cold"));
      run(base, 4, 2, warm, "warm-up");
      results.add(run(base, 4, seconds, warm, "no prefetch, cached"));
      long rss = rssKb(service.pid());

      System.out.println();
      System.out.printf(Locale.ROOT, "Start-up to first answered discovery: %.2f s%n", startup);
      System.out.printf(
          Locale.ROOT, "Resident memory of the service after the load: %d MB%n", rss / 1024);
      System.out.printf(
          "Machine: %d cores, Java %s%n%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      System.out.println(
          "| scenario | concurrency | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      results.forEach(r -> System.out.println(r.row()));
    } finally {
      service.destroy();
      fhir.stop(0);
    }
  }

  private static Result run(
      String base, int concurrency, int seconds, IntFunction<String> body, String scenario)
      throws InterruptedException {
    AtomicLong counter = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> samples = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    long begin = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      long[] mine = new long[2_000_000];
      samples.add(mine);
      int[] filled = {0};
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end && filled[0] < mine.length) {
                  int n = (int) counter.incrementAndGet();
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(base + "/cds-services/nocturnal-leg-pain"))
                          .timeout(Duration.ofSeconds(10))
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body.apply(n)))
                          .build();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> response =
                        HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || !response.body().contains("\"cards\"")) {
                      errors.incrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                  }
                  mine[filled[0]++] = System.nanoTime() - t0;
                }
                mine[mine.length - 1] = filled[0];
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    List<Long> all = new ArrayList<>();
    for (long[] mine : samples) {
      int filled = (int) mine[mine.length - 1];
      for (int i = 0; i < filled; i++) {
        all.add(mine[i]);
      }
    }
    return new Result(
        scenario,
        concurrency,
        all.size(),
        errors.get(),
        elapsed,
        all.stream().mapToLong(Long::longValue).toArray());
  }

  private static String withoutPrefetch(JsonNode example, String fhirBase, String token) {
    ObjectNode call = (ObjectNode) example.deepCopy();
    call.remove("prefetch");
    call.put("fhirServer", fhirBase);
    ObjectNode auth = call.putObject("fhirAuthorization");
    auth.put("access_token", token)
        .put("token_type", "Bearer")
        .put("expires_in", 300)
        .put("scope", "patient/*.read")
        .put("subject", "nocturne");
    return call.toString();
  }

  /** A FHIR test server on loopback answering the five prefetch queries with the example's data. */
  private static HttpServer fhirServer(JsonNode prefetch) throws IOException {
    // without it the JDK server's two writes per response meet delayed ACKs: ~40 ms per request
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/fhir/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          JsonNode answer =
              path.startsWith("/fhir/Patient/")
                  ? prefetch.get("patient")
                  : path.endsWith("/Condition")
                      ? prefetch.get("conditions")
                      : path.endsWith("/Observation")
                          ? prefetch.get("observations")
                          : path.endsWith("/MedicationRequest")
                              ? prefetch.get("medications")
                              : path.endsWith("/QuestionnaireResponse")
                                  ? prefetch.get("questionnaireResponse")
                                  : null;
          byte[] body =
              (answer == null ? "{\"resourceType\":\"OperationOutcome\"}" : answer.toString())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
          exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static double waitForDiscovery(String base, long start) throws InterruptedException {
    HttpRequest discovery =
        HttpRequest.newBuilder(URI.create(base + "/cds-services"))
            .timeout(Duration.ofSeconds(1))
            .build();
    for (int i = 0; i < 600; i++) {
      try {
        if (HTTP.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "the service did not answer discovery within 30 s; see target/load-service.log");
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
