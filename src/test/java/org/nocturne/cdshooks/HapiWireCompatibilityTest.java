package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestContextJson;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServicesJson;
import ca.uhn.hapi.fhir.cdshooks.module.CdsHooksObjectMapperFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Wire compatibility with HAPI FHIR's CDS Hooks SDK (ADR 0001): HAPI's own classes, loaded in test
 * scope only, read what we send, and what HAPI sends is accepted by us.
 */
@LocalAppTest
class HapiWireCompatibilityTest {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper HAPI = new CdsHooksObjectMapperFactory(FHIR).newMapper();

  @LocalServerPort int port;
  @Autowired CdsServiceRegistry registry;
  LocalServer server;

  @BeforeEach
  void connect() {
    server = new LocalServer(port);
  }

  @Test
  void hapiReadsOurDiscoveryWithEveryFieldIntact() throws Exception {
    CdsServicesJson services =
        HAPI.readValue(server.get("/cds-services").body(), CdsServicesJson.class);

    List<CdsServiceDescriptor> ours = registry.discovery().discovery().services();
    assertThat(services.getServices()).hasSize(ours.size());
    for (int i = 0; i < ours.size(); i++) {
      CdsServiceJson theirs = services.getServices().get(i);
      assertThat(theirs.getId()).isEqualTo(ours.get(i).id());
      assertThat(theirs.getHook()).isEqualTo(ours.get(i).hook());
      assertThat(theirs.getTitle()).isEqualTo(ours.get(i).title());
      assertThat(theirs.getDescription()).isEqualTo(ours.get(i).description());
      assertThat(theirs.getPrefetch()).isEqualTo(ours.get(i).prefetch());
    }
  }

  @Test
  void hapiReadsOurCardsWithEveryFieldItKnows() throws Exception {
    var order =
        new ServiceRequest()
            .setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
            .setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
    var resource = CdsJson.mapper().readTree(FHIR.newJsonParser().encodeResourceToString(order));
    var card =
        new Card(
            "0d5b0c9a-6a55-4d8e-9b83-7f1c6b0c0a11",
            "Night leg pain: pattern fits arterial rest pain",
            "**Why:** eased by dangling.",
            Indicator.CRITICAL,
            new Source(
                "Nocturne CDS",
                "https://nocturne-cds.org",
                null,
                new Coding(
                    "http://nocturne-cds.org/fhir/CodeSystem/leg-pain-cause",
                    "peripheralArteryDisease",
                    "Peripheral artery disease")),
            List.of(
                new Suggestion(
                    "Order an ABI",
                    "5b0c9a6a-0000-4d8e-9b83-7f1c6b0c0a12",
                    true,
                    List.of(Action.create("Create the order", resource)))),
            SelectionBehavior.AT_MOST_ONE,
            List.of(
                new Coding(
                    "http://nocturne-cds.org/fhir/CodeSystem/override-reason",
                    "already-assessed",
                    "Already assessed")),
            List.of(
                Link.absolute(
                    "Self-care advice",
                    "https://nocturne-cds.org/education/peripheral-artery-disease")),
            null);

    String json = CdsJson.mapper().writeValueAsString(CdsResponse.of(List.of(card)));
    CdsServiceResponseJson theirs = HAPI.readValue(json, CdsServiceResponseJson.class);

    var read = theirs.getCards().get(0);
    assertThat(read.getUuid()).isEqualTo(card.uuid());
    assertThat(read.getSummary()).isEqualTo(card.summary());
    assertThat(read.getDetail()).isEqualTo(card.detail());
    assertThat(read.getIndicator()).isEqualTo(CdsServiceIndicatorEnum.CRITICAL);
    assertThat(read.getSource().getLabel()).isEqualTo("Nocturne CDS");
    assertThat(read.getSource().getUrl()).isEqualTo("https://nocturne-cds.org");
    assertThat(read.getSource().getTopic().getCode()).isEqualTo("peripheralArteryDisease");
    assertThat(read.getSelectionBehaviour()).isEqualTo("at-most-one");
    assertThat(read.getSuggestions().get(0).getLabel()).isEqualTo("Order an ABI");
    assertThat(read.getSuggestions().get(0).getUuid())
        .isEqualTo("5b0c9a6a-0000-4d8e-9b83-7f1c6b0c0a12");
    assertThat(read.getSuggestions().get(0).getRecommended()).isTrue();
    assertThat(read.getSuggestions().get(0).getActions().get(0).getType()).isEqualTo("create");
    assertThat(read.getSuggestions().get(0).getActions().get(0).getResource())
        .isInstanceOf(ServiceRequest.class);
    assertThat(read.getOverrideReasons().get(0).getDisplay()).isEqualTo("Already assessed");
    assertThat(read.getLinks().get(0).getType()).isEqualTo("absolute");
  }

  @Test
  void aRequestSerializedByHapiIsAcceptedByOurService() throws Exception {
    var request = new CdsServiceRequestJson();
    request.setHook("patient-view");
    request.setHookInstance("8b1c2f9e-1d2a-4f7e-9c1b-3a4d5e6f7a8b");
    var context = new CdsServiceRequestContextJson();
    context.put("userId", "Practitioner/example");
    context.put("patientId", "p-hapi");
    request.setContext(context);
    request.addPrefetch(
        "patient", new Patient().setGender(Enumerations.AdministrativeGender.MALE).setId("p-hapi"));
    // a current complaint: restless legs recorded today, so patient-view speaks
    var restlessLegs = new Condition();
    restlessLegs.setId("rls");
    restlessLegs.setRecordedDate(new Date());
    restlessLegs.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("32914008");
    restlessLegs.setSubject(new Reference("Patient/p-hapi"));
    var conditions = new Bundle();
    conditions.setType(Bundle.BundleType.SEARCHSET);
    conditions.addEntry().setResource(restlessLegs);
    request.addPrefetch("conditions", conditions);

    var response =
        server.postJson("/cds-services/nocturnal-leg-pain", HAPI.writeValueAsString(request));

    assertThat(response.statusCode()).isEqualTo(200);
    var cards = HAPI.readValue(response.body(), CdsServiceResponseJson.class).getCards();
    // restless legs diagnosed today is the complaint and its cause: the differential and the
    // questionnaire prompt, both read back by HAPI's own model
    assertThat(cards)
        .extracting(card -> card.getSource().getTopic().getCode())
        .containsExactly("restlessLegs", "questionnaireNeeded");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.nocturne.service.ExampleCardsFollowTheRulesTest#responses")
  void hapiReadsEveryExampleResponse(Path file) throws Exception {
    String json = LocalServer.read(file);

    CdsServiceResponseJson theirs = HAPI.readValue(json, CdsServiceResponseJson.class);

    var ours = CdsJson.mapper().readTree(json).get("cards");
    assertThat(theirs.getCards()).hasSize(ours.size());
    for (int i = 0; i < ours.size(); i++) {
      assertThat(theirs.getCards().get(i).getUuid()).isEqualTo(ours.get(i).get("uuid").asString());
      assertThat(theirs.getCards().get(i).getSummary())
          .isEqualTo(ours.get(i).get("summary").asString());
      assertThat(theirs.getCards().get(i).getIndicator().name().toLowerCase())
          .isEqualTo(ours.get(i).get("indicator").asString());
    }
  }
}
