package org.nocturne.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nocturne.golive.GoLiveCalls.DVT;
import static org.nocturne.golive.GoLiveCalls.ORDER_SIGN;
import static org.nocturne.golive.GoLiveCalls.PATIENT_VIEW;
import static org.nocturne.golive.GoLiveCalls.QUININE;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.FixedClock;
import org.nocturne.LocalServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code nocturne.cards.pilot-users} over real HTTP: the pilot user sees the cards, anyone else
 * gets none, and the report counts both.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "nocturne.cards.pilot-users[0]=Practitioner/dr-lee",
      "nocturne.cards.pilot-users[1]=PractitionerRole/night-gp"
    })
@ActiveProfiles("local")
@Import(FixedClock.class)
class PilotGroupTest {
  @LocalServerPort int port;
  LocalServer server;

  @DynamicPropertySource
  static void state(DynamicPropertyRegistry registry) {
    GoLiveCalls.ownState(registry, "golive-pilot");
  }

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @Test
  void thePilotUserSeesTheCardsAndAnotherUserDoesNot() {
    JsonNode pilot = GoLiveCalls.call(server, PATIENT_VIEW, DVT, "Practitioner/dr-lee");
    JsonNode role = GoLiveCalls.call(server, ORDER_SIGN, QUININE, "PractitionerRole/night-gp");
    JsonNode other = GoLiveCalls.call(server, PATIENT_VIEW, DVT, "Practitioner/dr-patel");
    JsonNode otherOrder = GoLiveCalls.call(server, ORDER_SIGN, QUININE, "Practitioner/dr-patel");

    assertThat(GoLiveCalls.topics(pilot)).contains("deepVeinThrombosis");
    assertThat(GoLiveCalls.topics(role)).containsExactly("quinineForLegCramps");
    assertThat(other.toString()).isEqualTo("{\"cards\":[]}");
    assertThat(otherOrder.toString()).isEqualTo("{\"cards\":[]}");
  }

  @Test
  void theReportCountsThePilotsCardsAsShownAndTheOthersAsWouldHaveBeenShown() {
    GoLiveCalls.call(server, PATIENT_VIEW, DVT, "Practitioner/dr-lee");
    GoLiveCalls.call(server, PATIENT_VIEW, DVT, "Practitioner/dr-okafor");

    JsonNode dvt = GoLiveCalls.row(GoLiveCalls.summary(server), PATIENT_VIEW, "deepVeinThrombosis");
    assertThat(dvt.path("shown").asLong()).isPositive();
    assertThat(dvt.path("shadow").asLong()).isPositive();
    assertThat(dvt.toString()).doesNotContain("dr-lee").doesNotContain("dr-okafor");
  }
}
