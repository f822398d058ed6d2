package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.cdshooks.Action;
import org.nocturne.cdshooks.CallAudit;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.CardDisposition;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Source;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The one gate every answer passes: shadow mode, the pilot group and the kill switch. */
@ExtendWith(OutputCaptureExtension.class)
class CardGateTest {
  private static final String RED_FLAG =
      "http://nocturne-cds.org/fhir/CodeSystem/leg-pain-red-flag";
  private static final Card DVT = card("c-dvt", "deepVeinThrombosis", Indicator.CRITICAL);
  private static final Card CRAMPS = card("c-cramps", "legCramps", Indicator.INFO);
  private static final CdsResponse ANSWER =
      new CdsResponse(
          List.of(DVT, CRAMPS), List.of(Action.delete("withdraw", "MedicationRequest/1")));

  private static Card card(String uuid, String code, Indicator indicator) {
    return new Card(
        uuid,
        "summary " + code,
        null,
        indicator,
        new Source("Nocturne CDS", null, null, Coding.of(RED_FLAG, code)),
        null,
        null,
        null,
        null,
        null);
  }

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

  private static CardGate gate(CardMode mode, List<String> pilot, List<String> disabled) {
    CardGateProperties properties = new CardGateProperties(mode, pilot, disabled, null);
    return new CardGate(properties, new DisabledTopics(properties.disabledTopics(), null, CLOCK));
  }

  private static List<CardDisposition> dispositions(CardGate.Gated gated) {
    return gated.cards().stream().map(CallAudit.ShownCard::disposition).toList();
  }

  @Test
  void liveByDefaultShowsEveryCardAndKeepsTheSystemActions() {
    CardGate.Gated gated = gate(null, null, null).apply(ANSWER, "Practitioner/1");

    assertThat(gated.answer()).isEqualTo(ANSWER);
    assertThat(dispositions(gated)).containsOnly(CardDisposition.SHOWN);
  }

  @Test
  void shadowModeAnswersNothingAndRecordsEveryCardAsShadow() {
    CardGate.Gated gated =
        gate(CardMode.SHADOW, List.of(), List.of()).apply(ANSWER, "Practitioner/1");

    assertThat(gated.answer().cards()).isEmpty();
    assertThat(gated.answer().systemActions()).isNull();
    assertThat(dispositions(gated)).containsExactly(CardDisposition.SHADOW, CardDisposition.SHADOW);
  }

  @Test
  void onlyThePilotGroupSeesCards() {
    CardGate gate =
        gate(CardMode.LIVE, List.of(" Practitioner/dr-lee ", "PractitionerRole/gp"), null);

    assertThat(gate.live("Practitioner/dr-lee")).isTrue();
    assertThat(gate.live("PractitionerRole/gp")).isTrue();
    assertThat(gate.live("Practitioner/dr-patel")).isFalse();
    assertThat(gate.live("Practitioner/DR-LEE")).as("FHIR ids are case-sensitive").isFalse();
    assertThat(gate.live(null)).isFalse();
    assertThat(gate.apply(ANSWER, "Practitioner/dr-patel").answer().cards()).isEmpty();
  }

  @Test
  void shadowModeSilencesThePilotGroupToo() {
    assertThat(
            gate(CardMode.SHADOW, List.of("Practitioner/dr-lee"), null).live("Practitioner/dr-lee"))
        .isFalse();
  }

  @Test
  void aDisabledTopicIsSuppressedInEitherSpellingAndTheRestIsShown() {
    for (String spelling :
        List.of("deep-vein-thrombosis", "deepVeinThrombosis", " deep-vein-thrombosis ")) {
      CardGate.Gated gated =
          gate(CardMode.LIVE, null, List.of(spelling)).apply(ANSWER, "Practitioner/1");

      assertThat(gated.answer().cards()).as(spelling).containsExactly(CRAMPS);
      assertThat(dispositions(gated))
          .containsExactly(CardDisposition.SUPPRESSED, CardDisposition.SHOWN);
    }
  }

  @Test
  void aDisabledTopicOfAShadowCallerIsStillCountedAsSuppressed() {
    CardGate.Gated gated =
        gate(CardMode.SHADOW, null, List.of("legCramps")).apply(ANSWER, "Practitioner/1");

    assertThat(dispositions(gated))
        .containsExactly(CardDisposition.SHADOW, CardDisposition.SUPPRESSED);
  }

  @Test
  void aPilotUserThatIsNotAPractitionerReferenceStopsTheStart() {
    assertThatThrownBy(() -> new CardGateProperties(CardMode.LIVE, List.of("dr-lee"), null, null))
        .hasMessageContaining("nocturne.cards.pilot-users")
        .hasMessageContaining("Practitioner/<id>");
  }

  @Test
  void theDisabledTopicsFileIsReadAgainWhenItChangesAndTheChangeIsLogged(
      @TempDir Path folder, CapturedOutput output) throws Exception {
    Path file = folder.resolve("disabled-topics.txt");
    Files.writeString(file, "# none yet\n");
    MovingClock clock = new MovingClock();
    DisabledTopics topics = new DisabledTopics(List.of("quinine-for-leg-cramps"), file, clock);
    assertThat(output).contains("start: disabled topics").contains("[quinineForLegCramps]");

    Files.writeString(file, "deep-vein-thrombosis # after incident 42\nlegCramps, sciatica\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
    assertThat(topics.disabled(Coding.of(RED_FLAG, "deepVeinThrombosis")))
        .as("not looked at again within the recheck interval")
        .isFalse();
    clock.now = clock.now.plus(DisabledTopics.RECHECK);

    assertThat(topics.active())
        .containsExactlyInAnyOrder(
            "quinineForLegCramps", "deepVeinThrombosis", "legCramps", "sciatica");
    assertThat(output).contains("changed: disabled topics");

    Files.delete(file);
    clock.now = clock.now.plus(DisabledTopics.RECHECK);
    assertThat(topics.active()).containsExactly("quinineForLegCramps");
  }

  @Test
  void aHyphenatedCodeIsComparedInLowerCamelCase() {
    assertThat(DisabledTopics.normalise("compression-with-low-abi"))
        .isEqualTo("compressionWithLowAbi");
    assertThat(DisabledTopics.normalise("questionnaireNeeded")).isEqualTo("questionnaireNeeded");
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
