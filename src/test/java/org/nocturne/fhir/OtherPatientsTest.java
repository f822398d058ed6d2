package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nocturne.RandomText;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.databind.JsonNode;

/** Which entries name another patient: by subject or patient, absolute or relative, versioned. */
class OtherPatientsTest {

  @ParameterizedTest
  @CsvSource({
    "Patient/p1, false",
    "https://ehr.example/fhir/Patient/p1, false",
    "Patient/p1/_history/3, false",
    "Patient/p2, true",
    "https://ehr.example/fhir/Patient/p2/_history/1, true",
    "Patient/xp1, true",
    "xPatient/p1, false",
    "Group/p2, false",
    "'', false"
  })
  void readsTheSubjectsPatient(String reference, boolean another) {
    OtherPatients others = new OtherPatients("p1");

    assertThat(others.belongToAnother(withSubject(reference))).isEqualTo(another);
    assertThat(others.belongToAnother(withPatient(reference))).isEqualTo(another);
  }

  @Test
  void aRecordWithoutItsOwnIdComparesNothing() {
    assertThat(new OtherPatients("").belongToAnother(withSubject("Patient/p2"))).isFalse();
  }

  /** The shortcut for the record's own patient answers as the pattern alone does. */
  @Test
  void ownReferenceShortcutAgreesWithThePattern() {
    Pattern pattern =
        Pattern.compile("(?:^|/)Patient/([A-Za-z0-9\\-._]{1,64})(?:/_history/[^/]*)?$");
    Random random = new Random(30);
    for (String id : new String[] {"p1", "1", "a.b"}) {
      OtherPatients others = new OtherPatients(id);
      for (int i = 0; i < 5_000; i++) {
        String reference =
            RandomText.of(random, "/x", 3)
                + (random.nextBoolean() ? "Patient/" : "atient/")
                + RandomText.of(random, "p1a.b/", 4)
                + (random.nextInt(4) == 0 ? "/_history/2" : "");
        Matcher matcher = pattern.matcher(reference);
        boolean expected = matcher.find() && !matcher.group(1).equals(id);
        assertThat(others.belongToAnother(withSubject(reference)))
            .as("%s against %s", reference, id)
            .isEqualTo(expected);
      }
    }
  }

  private static JsonNode withSubject(String reference) {
    return CdsJson.mapper().createObjectNode().set("subject", referenceTo(reference));
  }

  private static JsonNode withPatient(String reference) {
    return CdsJson.mapper().createObjectNode().set("patient", referenceTo(reference));
  }

  private static JsonNode referenceTo(String reference) {
    return CdsJson.mapper().createObjectNode().put("reference", reference);
  }
}
