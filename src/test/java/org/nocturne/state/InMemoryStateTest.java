package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.StateUnavailable;
import org.nocturne.cdshooks.security.InMemoryReplayGuard;

/** {@code nocturne.state=memory}: the same contract as the database, bounded, for one replica. */
class InMemoryStateTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final Coding DVT =
      Coding.of("http://nocturne-cds.org/fhir/CodeSystem/leg-pain-red-flag", "deepVeinThrombosis");
  private final MutableClock clock = new MutableClock(NOW);

  @Test
  void theReplayGuardClaimsOnceAndAgainOnlyAfterExpiry() {
    var guard = new InMemoryReplayGuard(10, clock);

    assertThat(guard.claim("iss", "j", NOW.plusSeconds(60))).isTrue();
    assertThat(guard.claim("iss", "j", NOW.plusSeconds(60))).isFalse();
    clock.advance(Duration.ofSeconds(61));
    assertThat(guard.claim("iss", "j", NOW.plusSeconds(600))).isTrue();
  }

  @Test
  void aFullReplayGuardFailsClosedInsteadOfForgetting() {
    var guard = new InMemoryReplayGuard(2, clock);
    guard.claim("iss", "a", NOW.plusSeconds(60));
    guard.claim("iss", "b", NOW.plusSeconds(60));

    assertThatThrownBy(() -> guard.claim("iss", "c", NOW.plusSeconds(60)))
        .isInstanceOf(StateUnavailable.class);
    assertThat(guard.claim("iss", "a", NOW.plusSeconds(60))).isFalse();
    clock.advance(Duration.ofMinutes(2));
    assertThat(guard.claim("iss", "c", NOW.plusSeconds(600))).isTrue();
  }

  @Test
  void memoryStateTalliesByTopicAndKeepsTheNewestWithinItsCapacity() {
    var state = new MemoryState(3, clock, new StateMeters(new SimpleMeterRegistry()));
    state.record(
        new CallAudit.CallRecord(
            "svc",
            null,
            null,
            200,
            List.of(new CallAudit.ShownCard("c1", DVT, Indicator.CRITICAL, List.of("other"))),
            List.of(),
            Duration.ZERO));
    for (String at : List.of("10:01", "10:02", "10:03", "10:04")) {
      state.append(
          "svc",
          null,
          List.of(
              new Feedback(
                  "c1",
                  "overridden",
                  null,
                  new Feedback.OverrideReason(Coding.of("sys", "other"), null),
                  "2026-11-27T" + at + ":00Z")));
    }

    assertThat(state.recent(10))
        .hasSize(3)
        .first()
        .satisfies(f -> assertThat(f.topic()).isEqualTo(DVT));
    assertThat(state.tally(NOW, NOW.plus(Duration.ofDays(1))))
        // the same card reported overridden four times counts once: one EHR cannot inflate it
        .containsExactly(
            new TopicTally("svc", DVT, Indicator.CRITICAL, 1, 1, 0, 0, 0, 1, Map.of("other", 1L)));
  }

  @Test
  void memoryStateCountsCardsByDispositionAndFeedbackOnlyForCardsShown() {
    var state = new MemoryState(10, clock, new StateMeters(new SimpleMeterRegistry()));
    for (CardDisposition disposition : CardDisposition.values()) {
      state.record(
          new CallAudit.CallRecord(
              "svc",
              null,
              null,
              200,
              List.of(
                  new CallAudit.ShownCard(
                      disposition.wire(), DVT, Indicator.CRITICAL, List.of(), true, disposition)),
              List.of(),
              Duration.ZERO));
    }
    state.append(
        "svc",
        null,
        List.of(new Feedback("shadow", "accepted", null, null, "2026-11-27T10:05:00Z")));

    assertThat(state.tally(NOW, NOW.plus(Duration.ofDays(1))))
        .containsExactly(
            new TopicTally("svc", DVT, Indicator.CRITICAL, 3, 1, 1, 1, 0, 0, Map.of()),
            new TopicTally("svc", null, null, 3, 0, 0, 0, 1, 0, Map.of()));
  }
}
