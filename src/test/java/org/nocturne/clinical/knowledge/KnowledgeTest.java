package org.nocturne.clinical.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RedFlag;

/** The knowledge file is complete: every threshold has a value and a source, every cause advice. */
class KnowledgeTest {
  private final Knowledge knowledge = Knowledge.load();

  private static String file() throws IOException {
    try (InputStream in =
        KnowledgeTest.class.getClassLoader().getResourceAsStream(Knowledge.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyThresholdHasAValueAndASource() {
    for (Threshold threshold : Threshold.values()) {
      assertThat(knowledge.value(threshold)).as(threshold.key()).isFinite();
      assertThat(knowledge.source(threshold)).as(threshold.key()).isNotBlank();
    }
  }

  @Test
  void theGuidelineThresholdsAreTheGuidelinesValues() {
    assertThat(knowledge.value(Threshold.ABI_ABNORMAL_MAX)).isEqualTo(0.90);
    assertThat(knowledge.value(Threshold.ABI_NONCOMPRESSIBLE_ABOVE)).isEqualTo(1.40);
    assertThat(knowledge.value(Threshold.TBI_ABNORMAL_MAX)).isEqualTo(0.70);
    assertThat(knowledge.value(Threshold.ABI_CLTI_BELOW)).isEqualTo(0.40);
    assertThat(knowledge.value(Threshold.FERRITIN_IRON_THERAPY_MAX)).isEqualTo(75);
    assertThat(knowledge.value(Threshold.TSAT_IRON_THERAPY_BELOW)).isEqualTo(20);
    assertThat(knowledge.value(Threshold.COMPRESSION_ABI_CONTRAINDICATED_BELOW)).isEqualTo(0.6);
  }

  @Test
  void everyCauseHasANameAndAtLeastOnePieceOfAdvice() {
    for (Cause cause : Cause.values()) {
      assertThat(knowledge.name(cause)).as(cause.code()).isNotBlank();
      assertThat(Arrays.stream(Advice.values()).filter(a -> a.helps().contains(cause)))
          .as(cause.code() + " advice")
          .isNotEmpty();
    }
    for (Advice advice : Advice.values()) {
      assertThat(knowledge.advice(advice).text()).isNotBlank();
      assertThat(knowledge.advice(advice).source()).isNotBlank();
    }
  }

  @Test
  void everyStepAndFlagHasItsTextsAndSource() {
    for (NextStep step : NextStep.values()) {
      assertThat(knowledge.step(step).label()).isNotBlank();
      assertThat(knowledge.step(step).source()).isNotBlank();
    }
    for (RedFlag flag : RedFlag.values()) {
      assertThat(knowledge.flag(flag).action()).isNotBlank();
      assertThat(knowledge.flag(flag).source()).isNotBlank();
    }
  }

  @Test
  void aThresholdWithoutASourceStopsTheStart() throws IOException {
    String broken = file().replaceAll("(?m)^threshold\\.abi-abnormal-max\\.source=.*$", "");

    assertThatThrownBy(() -> Knowledge.from(new StringReader(broken)))
        .hasMessageContaining("threshold.abi-abnormal-max.source is missing");
  }

  @Test
  void aValueThatIsNotANumberStopsTheStart() throws IOException {
    String broken =
        file().replace("threshold.abi-abnormal-max=0.90", "threshold.abi-abnormal-max=ninety");

    assertThatThrownBy(() -> Knowledge.from(new StringReader(broken)))
        .hasMessageContaining("is not a number");
  }

  @Test
  void anUnknownKeyStopsTheStart() throws IOException {
    String broken = file() + "\nthreshold.abi-abnormal-maxx=0.9\n";

    assertThatThrownBy(() -> Knowledge.from(new StringReader(broken)))
        .hasMessageContaining("threshold.abi-abnormal-maxx is not used");
  }
}
