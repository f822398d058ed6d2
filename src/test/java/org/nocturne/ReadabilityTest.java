package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The readability measure itself, against hand-counted texts, so the page tests can be trusted. */
class ReadabilityTest {
  @Test
  void countsSyllablesLikeAReader() {
    assertThat(Readability.syllables("cat")).isEqualTo(1);
    assertThat(Readability.syllables("make")).isEqualTo(1);
    assertThat(Readability.syllables("walked")).isEqualTo(1);
    assertThat(Readability.syllables("needed")).isEqualTo(2);
    assertThat(Readability.syllables("table")).isEqualTo(2);
    assertThat(Readability.syllables("emergency")).isEqualTo(4);
    assertThat(Readability.syllables("insufficiency")).isEqualTo(5);
  }

  @Test
  void scoresASimpleTextHighAndAClinicalTextLow() {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015*6 - 84.6*1 = 116.1
    assertThat(Readability.fleschReadingEase("The cat sat on the mat."))
        .isCloseTo(116.1, Offset.offset(0.1));
    assertThat(
            Readability.fleschReadingEase(
                "Chronic venous insufficiency necessitates comprehensive evaluation of"
                    + " haemodynamic parameters preceding compression therapy initiation."))
        .isLessThan(0);
  }

  @Test
  void aBlockWithoutAFullStopIsASentenceOfItsOwn() {
    assertThat(Readability.fleschReadingEase(List.of("Calf", "Foot or toes", "Thigh")))
        .isEqualTo(Readability.fleschReadingEase("Calf. Foot or toes. Thigh."));
  }
}
