package org.nocturne.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own, as the built jar runs: {@code target/classes} and the runtime
 * dependencies only, so neither the test configuration ({@code nocturne.state=memory} in {@code
 * src/test/resources/config}) nor a test dependency is on its classpath. Its output goes to a file
 * under {@code target/documented-starts/}, shown when the start fails.
 */
final class ServiceProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;

  private ServiceProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code start} from the repository root (its relative paths are the reader's), with only
   * the ports moved to free ones when the command leaves them at their defaults, since another
   * build on this machine may hold 8080.
   */
  static ServiceProcess start(DocumentedStart start, int port, int managementPort, Path log)
      throws IOException {
    Path root = Path.of("").toAbsolutePath();
    String classpath =
        root.resolve("target/classes")
            + File.pathSeparator
            + Files.readString(root.resolve("target/runtime-classpath.txt")).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(
        "-XX:TieredStopAtLevel=1"); // the test's own choice, a faster start (not the image's)
    command.addAll(start.jvmOptions());
    command.add("-cp");
    command.add(classpath);
    command.add("org.nocturne.NocturneApplication");
    command.addAll(start.arguments());
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("NOCTURNE_"));
    builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
    builder.environment().putAll(start.environment());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    // the rehearsal before readiness, shortened: that the start becomes ready is what is checked
    // here, and twenty seconds of CPU per documented start would slow the suite by minutes
    builder.environment().put("NOCTURNE_CDSHOOKS_WARMUP", "2s");
    if (!start.local()) { // local serves the actuator on its one port
      builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
    }
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new ServiceProcess(builder.start(), log);
  }

  /** Waits until {@code url} answers 200, the process ends, or the time is up. */
  boolean answers(String url, Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      if (status(url) == 200) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  static int status(String url) throws InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The last lines the service printed: why it stopped, when it did. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
