package org.nocturne.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.cards.*}.
 *
 * @param questionnaireLaunchUrl a SMART launch URL for a questionnaire app; when set, the
 *     questionnaire card links to it as a {@code smart} link instead of the FHIR Questionnaire (no
 *     default: the card then links to our FHIR Questionnaire)
 */
@Validated
@ConfigurationProperties("nocturne.cards")
record CardsProperties(String questionnaireLaunchUrl) {
  CardsProperties {
    questionnaireLaunchUrl =
        questionnaireLaunchUrl == null || questionnaireLaunchUrl.isBlank()
            ? null
            : questionnaireLaunchUrl;
  }
}
