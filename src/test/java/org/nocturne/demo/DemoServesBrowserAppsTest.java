package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.UriParam;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.CorsFilter;

/**
 * The demo EHR serves a SMART app running on another origin as a real EHR does (the questionnaire
 * app: the card's link says localhost, the chart may be on 127.0.0.1), and finds the responses it
 * writes with a versioned canonical.
 */
class DemoServesBrowserAppsTest {
  private static final String CANONICAL =
      "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain";
  private final CorsFilter cors = new DemoCors().demoCorsFilter().getFilter();

  @Test
  void aPreflightForAWriteWithAToken_fromALoopbackOrigin_isAllowedBeforeTheTokenGuard()
      throws ServletException, IOException {
    MockHttpServletRequest preflight =
        new MockHttpServletRequest("OPTIONS", "/demo/fhir/QuestionnaireResponse/qr-1");
    preflight.addHeader("Origin", "http://localhost:8080");
    preflight.addHeader("Access-Control-Request-Method", "PUT");
    preflight.addHeader("Access-Control-Request-Headers", "authorization,content-type");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    cors.doFilter(preflight, response, chain);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Access-Control-Allow-Origin"))
        .isEqualTo("http://localhost:8080");
    assertThat(response.getHeader("Access-Control-Allow-Methods")).contains("PUT");
    assertThat(response.getHeader("Access-Control-Allow-Headers"))
        .containsIgnoringCase("authorization");
    assertThat(chain.getRequest()).as("answered by the filter, never reaches the guard").isNull();
  }

  @Test
  void theTokenEndpointAndTheSmartConfiguration_answerALoopbackOrigin_notAnyOther()
      throws ServletException, IOException {
    for (String path : List.of("/demo/auth/token", "/demo/fhir/.well-known/smart-configuration")) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
      request.addHeader("Origin", "http://127.0.0.1:43210");
      MockHttpServletResponse response = new MockHttpServletResponse();
      cors.doFilter(request, response, new MockFilterChain());
      assertThat(response.getHeader("Access-Control-Allow-Origin"))
          .as(path)
          .isEqualTo("http://127.0.0.1:43210");

      MockHttpServletRequest foreign = new MockHttpServletRequest("POST", path);
      foreign.addHeader("Origin", "https://evil.example");
      MockHttpServletResponse refused = new MockHttpServletResponse();
      cors.doFilter(foreign, refused, new MockFilterChain());
      assertThat(refused.getStatus()).as(path).isEqualTo(403);
      assertThat(refused.getHeader("Access-Control-Allow-Origin")).isNull();
    }
  }

  @Test
  void aSearchByTheQuestionnairesCanonical_findsResponsesToEachOfItsVersions() {
    PatientSearchProvider<QuestionnaireResponse> responses =
        new PatientSearchProvider<>(
            FhirContext.forR4Cached(),
            QuestionnaireResponse.class,
            new PatientSearchProvider.Fields<>(
                QuestionnaireResponse::getSubject,
                null,
                r -> r.hasStatus() ? r.getStatus().toCode() : null,
                QuestionnaireResponse::getAuthoredElement,
                QuestionnaireResponse::getQuestionnaire));
    responses.store(response("plain", CANONICAL));
    responses.store(response("versioned", CANONICAL + "|1.1.0"));
    responses.store(response("other", CANONICAL + "-other|1.1.0"));

    assertThat(
            ids(
                responses.searchByPatient(
                    patient(), null, null, new UriParam(CANONICAL), null, null)))
        .containsExactlyInAnyOrder("plain", "versioned");
    assertThat(
            ids(
                responses.searchByPatient(
                    patient(), null, null, new UriParam(CANONICAL + "|1.1.0"), null, null)))
        .containsExactly("versioned");
  }

  private static ReferenceParam patient() {
    return new ReferenceParam("Patient/p1");
  }

  private static QuestionnaireResponse response(String id, String questionnaire) {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setId(id);
    response.setQuestionnaire(questionnaire);
    response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    response.setSubject(new Reference("Patient/p1"));
    return response;
  }

  private static List<String> ids(List<QuestionnaireResponse> found) {
    return found.stream().map(r -> r.getIdElement().getIdPart()).toList();
  }
}
