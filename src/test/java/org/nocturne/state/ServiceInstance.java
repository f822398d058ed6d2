package org.nocturne.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nocturne.NocturneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** One running service (a replica), started like production from command-line arguments. */
final class ServiceInstance implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final ConfigurableApplicationContext context;
  private final String base;
  private final String management;

  private ServiceInstance(ConfigurableApplicationContext context) {
    this.context = context;
    this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    this.management =
        "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port");
  }

  static ServiceInstance start(List<String> arguments) {
    List<String> args = new ArrayList<>(arguments);
    args.add("--server.port=0");
    args.add("--server.address=127.0.0.1");
    // production serves the actuator on its own port: a random one, so replicas do not collide
    args.add("--management.server.port=0");
    args.add("--management.server.address=127.0.0.1");
    return new ServiceInstance(
        SpringApplication.run(NocturneApplication.class, args.toArray(String[]::new)));
  }

  HttpResponse<String> post(String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path, String adminToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (adminToken != null) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    return send(request.build());
  }

  /** An actuator path, on the management port as in production. */
  HttpResponse<String> actuator(String path) {
    return send(HttpRequest.newBuilder(URI.create(management + path)).GET().build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String example(String service, String name) {
    try {
      return Files.readString(Path.of("hooks", service, name + ".request.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
