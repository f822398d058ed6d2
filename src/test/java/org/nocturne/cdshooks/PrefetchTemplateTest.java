package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PrefetchTemplateTest {
  private static JsonNode context(String json) {
    return CdsJson.mapper().readTree(json);
  }

  @Test
  void contextTokensAreReplacedByRootLevelPrimitiveFields() {
    var template =
        PrefetchTemplate.parse(
            "Observation?patient={{context.patientId}}&encounter={{context.encounterId}}");

    assertThat(template.resolve(context("{\"patientId\":\"p1\",\"encounterId\":\"e9\"}")))
        .contains("Observation?patient=p1&encounter=e9");
  }

  @Test
  void userTokensComeFromTheMatchingUserIdType() {
    var template = PrefetchTemplate.parse("Practitioner/{{userPractitionerId}}");

    assertThat(template.resolve(context("{\"userId\":\"Practitioner/abc\"}")))
        .contains("Practitioner/abc");
    assertThat(template.resolve(context("{\"userId\":\"PractitionerRole/abc\"}"))).isEmpty();
    assertThat(template.resolve(context("{\"userId\":\"Patient/abc\"}"))).isEmpty();
  }

  @Test
  void userPatientAndRelatedPersonTokensAreSupported() {
    var context = context("{\"userId\":\"RelatedPerson/r1\"}");

    assertThat(PrefetchTemplate.parse("RelatedPerson/{{userRelatedPersonId}}").resolve(context))
        .contains("RelatedPerson/r1");
    assertThat(PrefetchTemplate.parse("Patient/{{userPatientId}}").resolve(context)).isEmpty();
  }

  @Test
  void aTokenWithoutAValueLeavesTheTemplateUnresolved() {
    var template = PrefetchTemplate.parse("Encounter/{{context.encounterId}}");

    assertThat(template.resolve(context("{\"patientId\":\"p1\"}"))).isEmpty();
    assertThat(template.resolve(context("{\"encounterId\":{\"id\":\"x\"}}"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Patient/{{context.medication.id}}",
        "Patient/{{patientId}}",
        "Patient/{{userDeviceId}}",
        "Patient/{{context.patientId}",
        "Patient/{{context.patientId}}{{"
      })
  void invalidTokensAreRejectedAtStartUp(String text) {
    assertThatThrownBy(() -> PrefetchTemplate.parse(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsExpectTheirTypeAndSearchesExpectABundle() {
    assertThat(PrefetchTemplate.parse("Patient/{{context.patientId}}").expectedResourceType())
        .isEqualTo("Patient");
    assertThat(
            PrefetchTemplate.parse("Condition?patient={{context.patientId}}")
                .expectedResourceType())
        .isEqualTo("Bundle");
  }
}
