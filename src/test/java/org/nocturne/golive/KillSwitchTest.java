package org.nocturne.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.golive.GoLiveCalls.DVT;
import static org.nocturne.golive.GoLiveCalls.LOW_ABI;
import static org.nocturne.golive.GoLiveCalls.ORDER_SELECT;
import static org.nocturne.golive.GoLiveCalls.ORDER_SIGN;
import static org.nocturne.golive.GoLiveCalls.PATIENT_VIEW;
import static org.nocturne.golive.GoLiveCalls.QUININE;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.FixedClock;
import org.nocturne.LocalServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code nocturne.cards.disabled-topics} over real HTTP: a disabled topic never appears, in either
 * spelling, the other cards of the answer still do, and each withheld card is counted as
 * suppressed; a topic added to the disabled-topics file is withheld without a restart.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // the old hyphenated form and the lowerCamelCase one are both understood
      "nocturne.cards.disabled-topics=infectionOrMalignancy,quinine-for-leg-cramps"
    })
@ActiveProfiles("local")
@Import(FixedClock.class)
class KillSwitchTest {
  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempFile("disabled-topics", ".txt");
      Files.writeString(FILE, "# topics switched off by the CDS committee\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;
  LocalServer server;

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) {
    GoLiveCalls.ownState(registry, "golive-kill-switch");
    registry.add("nocturne.cards.disabled-topics-file", FILE::toString);
  }

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @Test
  void aDisabledTopicNeverAppearsAndTheOtherCardsStill() {
    JsonNode dvt = GoLiveCalls.call(server, PATIENT_VIEW, DVT, "Practitioner/dr-lee");
    JsonNode quinine = GoLiveCalls.call(server, ORDER_SIGN, QUININE, "Practitioner/dr-lee");

    assertThat(GoLiveCalls.topics(dvt))
        .contains("deepVeinThrombosis")
        .doesNotContain("infectionOrMalignancy");
    assertThat(quinine.toString()).isEqualTo("{\"cards\":[]}");
  }

  @Test
  void aSuppressedCardIsCountedInTheReportAndTheMetric() {
    GoLiveCalls.call(server, ORDER_SIGN, QUININE, "Practitioner/dr-lee");

    JsonNode quinine =
        GoLiveCalls.row(GoLiveCalls.summary(server), ORDER_SIGN, "quinineForLegCramps");
    assertThat(quinine.path("suppressed").asLong()).isPositive();
    assertThat(quinine.path("shown").asLong()).isZero();
    assertThat(
            meters
                .counter(
                    "nocturne.cds.cards",
                    "service",
                    ORDER_SIGN,
                    "indicator",
                    "critical",
                    "disposition",
                    "suppressed")
                .count())
        .isPositive();
  }

  @Test
  void aTopicAddedToTheFileIsWithheldWithoutARestart() throws Exception {
    assertThat(
            GoLiveCalls.topics(
                GoLiveCalls.call(server, ORDER_SELECT, LOW_ABI, "Practitioner/dr-lee")))
        .containsExactly("compressionWithLowAbi");

    Files.writeString(FILE, "# switched off after an incident\ncompressionWithLowAbi\n");
    // a coarse file system may keep the same modification time within one second
    Files.setLastModifiedTime(FILE, FileTime.from(Instant.now().plusSeconds(5)));

    long deadline = System.nanoTime() + 10_000_000_000L;
    JsonNode answer;
    do {
      Thread.sleep(250);
      answer = GoLiveCalls.call(server, ORDER_SELECT, LOW_ABI, "Practitioner/dr-lee");
    } while (!answer.path("cards").isEmpty() && System.nanoTime() < deadline);
    assertThat(answer.toString()).isEqualTo("{\"cards\":[]}");
  }
}
