package org.nocturne.service;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.nocturne.app.AppProperties;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cdshooks.security.PublicBaseUrl;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.Knowledge;
import org.nocturne.clinical.OrderSafety;
import org.nocturne.fhir.CodeSets;
import org.nocturne.fhir.DraftOrderReader;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.RecordReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds each pipeline stage once and the three services of the contract from them. The knowledge
 * file and the code lists are loaded and checked here, so a broken one stops the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CardsProperties.class, AppProperties.class})
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
  EducationPages educationPages(Knowledge knowledge) {
    return new EducationPages(knowledge);
  }

  @Bean
  CardRenderer cardRenderer(Knowledge knowledge, FhirContext fhir) {
    return new CardRenderer(knowledge, fhir);
  }

  /** The one cause model: the services and the questionnaire app's assessment share it. */
  @Bean
  CauseModel causeModel(Knowledge knowledge, CardsProperties cards) {
    return new CauseModel(knowledge, cards.window());
  }

  @Bean
  PatientAssessor patientAssessor(
      FhirContext fhir,
      CodeSets codes,
      CauseModel causeModel,
      Clock clock,
      PublicBaseUrl publicBaseUrl,
      CardsProperties cards,
      AppProperties app) {
    return new PatientAssessor(
        new RecordReader(fhir, codes),
        new FactsMapper(codes),
        causeModel,
        clock,
        publicBaseUrl,
        new AppLaunchUrl(cards.questionnaireLaunchUrl(), app.enabled(), publicBaseUrl));
  }

  @Bean
  NocturnalLegPainService nocturnalLegPainService(PatientAssessor assessor, CardRenderer cards) {
    return new NocturnalLegPainService(assessor, cards);
  }

  @Bean
  OrderSafetyService orderSelectService(
      PatientAssessor assessor,
      FhirContext fhir,
      CodeSets codes,
      Knowledge knowledge,
      CardRenderer cards) {
    return orderSafety(OrderSafetyService.SELECT_ID, assessor, fhir, codes, knowledge, cards);
  }

  @Bean
  OrderSafetyService orderSignService(
      PatientAssessor assessor,
      FhirContext fhir,
      CodeSets codes,
      Knowledge knowledge,
      CardRenderer cards) {
    return orderSafety(OrderSafetyService.SIGN_ID, assessor, fhir, codes, knowledge, cards);
  }

  private static OrderSafetyService orderSafety(
      String id,
      PatientAssessor assessor,
      FhirContext fhir,
      CodeSets codes,
      Knowledge knowledge,
      CardRenderer cards) {
    return new OrderSafetyService(
        id, assessor, new DraftOrderReader(fhir, codes), new OrderSafety(knowledge), cards);
  }
}
