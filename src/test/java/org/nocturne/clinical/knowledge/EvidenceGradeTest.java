package org.nocturne.clinical.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceGradeTest {
  @Test
  void theGradesAreForTheMaintainersNotTheReader() {
    String source = "NICE CKS Leg cramps (2024) [V]; Allen 2012 [V-weak]; seed article [M] ";

    assertThat(EvidenceGrade.strip(source))
        .isEqualTo("NICE CKS Leg cramps (2024); Allen 2012; seed article");
    // remembered after the first time, the same text
    assertThat(EvidenceGrade.strip(source)).isEqualTo(EvidenceGrade.strip(source));
    assertThat(EvidenceGrade.strip("ESVS 2020")).isEqualTo("ESVS 2020");
    assertThat(EvidenceGrade.strip("a [Vx] bracket that is no grade"))
        .isEqualTo("a [Vx] bracket that is no grade");
  }
}
