package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FhirIdTest {

  @Test
  void epicsBase64UrlPatientIdsAreAccepted() {
    assertThat(FhirId.valid("eqpnpxlAkF_MIfGBzgTV-if3")).isTrue();
    assertThat(FhirId.valid("Tbt3KuCY0B5PSrJvCu2j-PlK.aiHsu2xUjUM8bWpetXoB")).isTrue();
  }

  @Test
  void anythingThatCouldChangeAQueryUrlIsRefused() {
    assertThat(FhirId.valid("1227&_count=1")).isFalse();
    assertThat(FhirId.valid("..")).isFalse();
    assertThat(FhirId.valid("a/b")).isFalse();
    assertThat(FhirId.valid("a;b")).isFalse();
    assertThat(FhirId.valid("a%2Fb")).isFalse();
    assertThat(FhirId.valid("x".repeat(65))).isFalse();
  }
}
