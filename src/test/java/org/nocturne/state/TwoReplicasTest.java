package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.security.ReplayGuard;

/**
 * Two replicas on one PostgreSQL database, the same token sent to both at the same moment: exactly
 * one answers 200, the other 401, round after round. (Before issue 14 each JVM had its own guard
 * and both answered 200.)
 */
class TwoReplicasTest {
  static final int ROUNDS = 50;
  private static final String PATH = "/cds-services/nocturnal-leg-pain";

  private static TestIssuer issuer;
  private static ServiceInstance a;
  private static ServiceInstance b;

  @BeforeAll
  static void start() {
    issuer = new TestIssuer();
    String url = Postgres.shared().newDatabase();
    List<String> args = new ArrayList<>(issuer.trustArguments());
    Postgres.springProperties(url).forEach((key, value) -> args.add("--" + key + "=" + value));
    a = ServiceInstance.start(args);
    b = ServiceInstance.start(args);
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
    issuer.close();
  }

  @Test
  void theSameTokenOnTwoReplicasAtOnceIsAcceptedExactlyOnce() throws Exception {
    String body = ServiceInstance.example("nocturnal-leg-pain", "full-prefetch");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int ok = 0;
    int refused = 0;
    long started = System.nanoTime();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String token = issuer.token(PATH);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (ServiceInstance replica : List.of(a, b)) {
          calls.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return replica.post(PATH, body, token);
                  },
                  pool));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var call : calls) {
          statuses.add(call.get().statusCode());
        }
        assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 401);
        ok += statuses.stream().filter(s -> s == 200).count();
        refused += statuses.stream().filter(s -> s == 401).count();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "two replicas, %d rounds of one token sent to both at once: %d x 200, %d x 401 in %d ms%n",
        ROUNDS, ok, refused, (System.nanoTime() - started) / 1_000_000);
    assertThat(ok).isEqualTo(ROUNDS);
    assertThat(refused).isEqualTo(ROUNDS);
  }

  @Test
  void onPostgreSqlTheReplicasClaimTheirCallsJtisInGroups() {
    assertThat(a.context.getBean(ReplayGuard.class)).isInstanceOf(GroupedReplayGuard.class);
    assertThat(b.context.getBean(ReplayGuard.class)).isInstanceOf(GroupedReplayGuard.class);
  }

  @Test
  void aTokenUsedOnOneReplicaIsRefusedOnTheOther() {
    String body = ServiceInstance.example("nocturnal-leg-pain", "full-prefetch");
    String token = issuer.token(PATH);

    assertThat(a.post(PATH, body, token).statusCode()).isEqualTo(200);
    assertThat(b.post(PATH, body, token).statusCode()).isEqualTo(401);
  }

  @Test
  void aJtiLongerThanTheColumnIsRefusedBeforeItReachesTheDatabase() {
    String body = ServiceInstance.example("nocturnal-leg-pain", "full-prefetch");

    assertThat(a.post(PATH, body, issuer.token(PATH, "j".repeat(256))).statusCode()).isEqualTo(401);
    assertThat(a.post(PATH, body, issuer.token(PATH, "k".repeat(255))).statusCode()).isEqualTo(200);
  }
}
