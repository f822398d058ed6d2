package org.nocturne.service;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.Optional;
import org.nocturne.assessment.RecordAssessment;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cards.QuestionnaireLaunch;
import org.nocturne.cdshooks.security.PublicBaseUrl;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.rules.ordersafety.OrderSafety;
import org.nocturne.fhir.CodeSets;
import org.nocturne.fhir.DraftOrderReader;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.RecordReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds each pipeline stage once and the three services of the contract from them. The knowledge
 * file and the code lists are loaded and checked here, so a broken one stops the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CardsProperties.class, QuestionnaireProperties.class})
class ServiceConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Costly to build (model scanning), thread-safe once built: one per application. */
  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  Knowledge knowledge() {
    return Knowledge.load();
  }

  @Bean
  CodeSets codeSets(FhirContext fhir) {
    return CodeSets.load(fhir);
  }

  @Bean
  CardRenderer cardRenderer(Knowledge knowledge, FhirContext fhir) {
    return new CardRenderer(knowledge, fhir);
  }

  /** The one cause model: the services and the questionnaire app's assessment share it. */
  @Bean
  CauseModel causeModel(Knowledge knowledge, ComplaintWindow window) {
    return new CauseModel(knowledge, window);
  }

  /** When patient-view speaks (contract): one window for every service and page. */
  @Bean
  ComplaintWindow complaintWindow(CardsProperties cards) {
    return cards.window();
  }

  /** The one record → assessment pipeline: the services and the questionnaire app share it. */
  @Bean
  RecordAssessment recordAssessment(
      FhirContext fhir,
      CodeSets codes,
      CauseModel causeModel,
      Clock clock,
      QuestionnaireProperties questionnaire) {
    return new RecordAssessment(
        new RecordReader(fhir, codes),
        new FactsMapper(codes, questionnaire.mapping()),
        causeModel,
        clock.getZone());
  }

  @Bean
  PatientAssessor patientAssessor(
      RecordAssessment assessment,
      Clock clock,
      PublicBaseUrl publicBaseUrl,
      CardsProperties cards,
      ObjectProvider<QuestionnaireLaunch> hostedApp) {
    return new PatientAssessor(
        assessment,
        clock,
        publicBaseUrl,
        new AppLaunchUrl(
            cards.questionnaireLaunchUrl(), Optional.ofNullable(hostedApp.getIfAvailable())));
  }

  @Bean
  NocturnalLegPainService nocturnalLegPainService(PatientAssessor assessor, CardRenderer cards) {
    return new NocturnalLegPainService(assessor, cards);
  }

  /** Order safety reads the complaint through the same configured window as the cause model. */
  @Bean
  OrderSafety orderSafety(Knowledge knowledge, ComplaintWindow window) {
    return new OrderSafety(knowledge, window);
  }

  @Bean
  OrderSafetyService orderSelectService(
      PatientAssessor assessor,
      FhirContext fhir,
      CodeSets codes,
      OrderSafety safety,
      CardRenderer cards) {
    return new OrderSafetyService(
        OrderSafetyService.SELECT_ID, assessor, new DraftOrderReader(fhir, codes), safety, cards);
  }

  @Bean
  OrderSafetyService orderSignService(
      PatientAssessor assessor,
      FhirContext fhir,
      CodeSets codes,
      OrderSafety safety,
      CardRenderer cards) {
    return new OrderSafetyService(
        OrderSafetyService.SIGN_ID, assessor, new DraftOrderReader(fhir, codes), safety, cards);
  }
}
