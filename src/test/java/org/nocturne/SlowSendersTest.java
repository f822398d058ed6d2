package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.LocalApp.freePort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real slow senders on loopback (a body of 100 kB announced, one byte a second) on every kind of
 * path: one that does not exist, {@code /admin}, the app's API (which reads bodies) and the hooks.
 * Twice as many as Tomcat has workers (shrunk to 16 here, 200 in production) must not hold them
 * all: {@code /livez} answers throughout. A regression test of issue 26, finding 3.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class SlowSendersTest {
  private static final int PORT = freePort();
  private static final int WORKERS = 16;
  private static final int SENDERS = 2 * WORKERS;
  private static final List<String> PATHS =
      List.of(
          "/no-such-page",
          "/admin/feedback/summary",
          "/app/api/questionnaire-responses/validate",
          "/app/api/assessment",
          "/cds-services/nocturnal-leg-pain");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    LocalApp.onPort(registry, PORT, "slow-senders");
    registry.add("server.tomcat.threads.max", () -> WORKERS);
    registry.add("server.tomcat.threads.min-spare", () -> 2);
    registry.add("nocturne.http.max-concurrent-bodies", () -> WORKERS / 2);
    registry.add("nocturne.http.body-read-timeout", () -> "3s");
  }

  @Test
  void slowSendersOnEveryPathLeaveWorkersForTheProbe() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      for (int i = 0; i < SENDERS; i++) {
        sockets.add(open(PATHS.get(i % PATHS.size())));
      }
      trickle.scheduleAtFixedRate(
          () -> sockets.forEach(SlowSendersTest::oneByte), 1, 1, TimeUnit.SECONDS);

      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      int probes = 0;
      while (System.nanoTime() < end) {
        long start = System.nanoTime();
        HttpResponse<String> live =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/livez"))
                    .timeout(Duration.ofSeconds(6))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        // generous: the build machine may be loaded; starved, the probe does not answer at all
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        probes++;
        Thread.sleep(500);
      }
      assertThat(probes).isGreaterThan(5);
    } finally {
      trickle.shutdownNow();
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  private static Socket open(String path) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", PORT), 2000);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + PORT
            + "\r\nContent-Type: application/json\r\nAuthorization: Bearer x\r\n"
            + "Content-Length: 100000\r\n\r\n{";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private static void oneByte(Socket socket) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(' ');
      out.flush();
    } catch (IOException e) {
      // closed by the server: what it should do with a sender this slow
    }
  }
}
