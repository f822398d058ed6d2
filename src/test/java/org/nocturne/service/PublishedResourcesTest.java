package org.nocturne.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.nocturne.clinical.conclusions.Cause;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What cards link to resolves: the FHIR artefacts, the patient education pages and the page about
 * the service.
 */
@LocalAppTest
class PublishedResourcesTest {
  @LocalServerPort int port;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void everyCauseHasAnEducationPage(Cause cause) {
    var page = server.get("/education/" + cause.code());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("<h2>What can help</h2>")
        .contains("Call emergency services or go to an emergency department now if")
        .contains("See a doctor today if");
  }

  @Test
  void thePageForArterialDiseaseWarnsAgainstRaisingAndCompressingTheLegs() {
    assertThat(server.get("/education/peripheral-artery-disease").body())
        .contains("Do not raise your legs")
        .contains("compression stockings");
  }

  @Test
  void theAboutPageEveryCardPointsToSaysWhatWhenAndOnWhatSources() {
    var page = server.get("/about");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h2>When it speaks</h2>")
        .contains("<h2>Limits</h2>")
        .contains("NICE NG158")
        .contains("RCOG Green-top Guideline 37b")
        .doesNotContain("[V]")
        .doesNotContain("[M]");
  }

  @Test
  void anUnknownPageIsA404() {
    assertThat(server.get("/education/gout").statusCode()).isEqualTo(404);
  }

  @Test
  void theQuestionnaireAndCodeSystemsAreServedReadOnly() {
    var questionnaire = server.get("/fhir/Questionnaire/nocturnal-leg-pain");

    assertThat(questionnaire.statusCode()).isEqualTo(200);
    assertThat(questionnaire.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
    assertThat(questionnaire.body())
        .contains("\"url\": \"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain\"");
    assertThat(server.get("/fhir/CodeSystem/leg-pain-cause").statusCode()).isEqualTo(200);
    assertThat(server.get("/fhir/Patient/p1").statusCode()).isEqualTo(404);
    assertThat(server.get("/fhir/ValueSet/does-not-exist").statusCode()).isEqualTo(404);
    assertThat(server.postJson("/fhir/Questionnaire/nocturnal-leg-pain", "{}").statusCode())
        .isEqualTo(405);
  }
}
