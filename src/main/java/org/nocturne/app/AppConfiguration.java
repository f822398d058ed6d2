package org.nocturne.app;

import ca.uhn.fhir.context.FhirContext;
import org.nocturne.cards.QuestionnaireLaunch;
import org.nocturne.cdshooks.prefetch.PatientFetch;
import org.nocturne.cdshooks.security.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The app's server side, on only where {@code nocturne.app.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("nocturne.app.enabled")
@EnableConfigurationProperties(AppProperties.class)
class AppConfiguration {
  private static final Logger log = LoggerFactory.getLogger(AppConfiguration.class);

  /** The cards' questionnaire links launch this app, at the service's public base URL. */
  @Bean
  QuestionnaireLaunch questionnaireLaunch(PublicBaseUrl publicBaseUrl) {
    return () -> {
      String base = publicBaseUrl.get();
      return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
          + AppProperties.LAUNCH_PATH;
    };
  }

  @Bean
  LaunchCheck launchCheck(PatientFetch fetch) {
    return new LaunchCheck(fetch);
  }

  @Bean(destroyMethod = "close")
  ValidationGate validationGate(AppProperties properties) {
    return new ValidationGate(properties.maxConcurrentValidations(), properties.validateTimeout());
  }

  @Bean
  ResponseValidator responseValidator(FhirContext fhir) {
    return new ResponseValidator(fhir);
  }

  /**
   * Builds the validator once the service is up, off the request path: the first submit of a
   * questionnaire should not wait the seconds it takes.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> responseValidatorWarmUp(ResponseValidator validator) {
    return event -> {
      Thread warmUp =
          new Thread(
              () -> {
                try {
                  validator.warmUp();
                } catch (RuntimeException e) {
                  log.warn(
                      "the QuestionnaireResponse validator could not be built: {}", e.toString());
                }
              },
              "validator-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    };
  }
}
