package org.nocturne.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.knowledge.Knowledge;

/** The guidelines a card names: explicit short names and pages, each cited by some source. */
class GuidelinesTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();

  @Test
  void everyGuidelineHasAShortNameAndAnAbsoluteHttpsPage() {
    assertThat(KNOWLEDGE.guidelines()).isNotEmpty();
    for (Knowledge.Guideline g : KNOWLEDGE.guidelines()) {
      assertThat(g.name()).isNotBlank().doesNotContain("…").hasSizeLessThanOrEqualTo(60);
      assertThat(URI.create(g.url()).isAbsolute()).as(g.name()).isTrue();
      assertThat(g.url()).startsWith("https://");
    }
  }

  @Test
  void everyRedFlagAndMedicationEffectCitesAGuidelineWithAPage() {
    // a red-flag or medication-effect card links the guideline behind its advice
    for (FlagGuidance flag : FlagGuidance.values()) {
      assertThat(guidelines(KNOWLEDGE.flag(flag).source())).as(flag.name()).isNotEmpty();
    }
    for (MedicationEffect.Kind kind : MedicationEffect.Kind.values()) {
      assertThat(guidelines(KNOWLEDGE.effect(kind).source())).as(kind.name()).isNotEmpty();
    }
  }

  @Test
  void aSourceCitesItsGuidelinesInItsOwnOrder_eachOnce() {
    var cited =
        guidelines(
            "NICE NG158 (2020) §1.1; Wells et al., NEJM 2003; NICE NG158 and RCOG Green-top 37b");

    assertThat(cited)
        .extracting(Knowledge.Guideline::name)
        .containsExactly(
            "NICE NG158, venous thromboembolism",
            "Wells et al., NEJM 2003",
            "RCOG Green-top Guideline 37b");
  }

  @Test
  void ourPolicyAndTypicalRangesCiteNoGuideline() {
    assertThat(guidelines("Nocturne policy: a result older than 30 days is repeated")).isEmpty();
    assertThat(guidelines("Typical adult range 3.5–5.0 mmol/L [M]")).isEmpty();
  }

  @Test
  void aGuidelineWithoutAnHttpsPageStopsStartUp() throws Exception {
    String file =
        new String(
                Knowledge.class
                    .getClassLoader()
                    .getResourceAsStream(Knowledge.RESOURCE)
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace(
                "guideline.nice-ng158.url=https://www.nice.org.uk/guidance/ng158",
                "guideline.nice-ng158.url=www.nice.org.uk/guidance/ng158");

    assertThatThrownBy(() -> Knowledge.from(new StringReader(file)))
        .hasMessageContaining("guideline.nice-ng158.url is not an https address");
  }

  private static List<Knowledge.Guideline> guidelines(String source) {
    return KNOWLEDGE.guidelines(source);
  }
}
