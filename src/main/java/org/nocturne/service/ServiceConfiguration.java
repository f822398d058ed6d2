package org.nocturne.service;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.nocturne.cards.CardRenderer;
import org.nocturne.clinical.CauseModel;
import org.nocturne.clinical.Knowledge;
import org.nocturne.fhir.CodeSets;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.RecordReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds each pipeline stage once and the three services of the contract from them. */
@Configuration(proxyBeanMethods = false)
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
  RecordLoader recordLoader(FhirContext fhir) {
    return new RecordLoader(new RecordReader(fhir));
  }

  @Bean
  FactsMapper factsMapper(FhirContext fhir) {
    return new FactsMapper(CodeSets.load(fhir));
  }

  @Bean
  NocturnalLegPainService nocturnalLegPainService(
      RecordLoader records, FactsMapper facts, Clock clock) {
    return new NocturnalLegPainService(
        records, facts, new CauseModel(Knowledge.load()), new CardRenderer(), clock);
  }

  @Bean
  OrderSafetyService orderSelectService(RecordLoader records, FactsMapper facts, Clock clock) {
    return new OrderSafetyService(OrderSafetyService.SELECT_ID, records, facts, clock);
  }

  @Bean
  OrderSafetyService orderSignService(RecordLoader records, FactsMapper facts, Clock clock) {
    return new OrderSafetyService(OrderSafetyService.SIGN_ID, records, facts, clock);
  }
}
