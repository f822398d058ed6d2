package org.nocturne.service;

import java.time.Period;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.cards.*}.
 *
 * @param questionnaireLaunchUrl a SMART launch URL for a questionnaire app; when set, the
 *     questionnaire card links to it as a {@code smart} link instead of the FHIR Questionnaire (no
 *     default: the card then links to our FHIR Questionnaire)
 * @param questionnaireMaxAge a questionnaire answered within this period is a current complaint
 *     (default {@code P30D}); an older one is history and raises no red flag
 * @param complaintMaxAge a leg-pain diagnosis whose onset or recorded date lies within this period
 *     is a current complaint (default {@code P90D})
 */
@Validated
@ConfigurationProperties("nocturne.cards")
record CardsProperties(
    String questionnaireLaunchUrl,
    @DefaultValue("P30D") Period questionnaireMaxAge,
    @DefaultValue("P90D") Period complaintMaxAge) {
  CardsProperties {
    questionnaireLaunchUrl =
        questionnaireLaunchUrl == null || questionnaireLaunchUrl.isBlank()
            ? null
            : questionnaireLaunchUrl;
    questionnaireMaxAge =
        questionnaireMaxAge == null
            ? ComplaintWindow.DEFAULT.questionnaireMaxAge()
            : questionnaireMaxAge;
    complaintMaxAge =
        complaintMaxAge == null ? ComplaintWindow.DEFAULT.complaintMaxAge() : complaintMaxAge;
  }

  ComplaintWindow window() {
    return new ComplaintWindow(questionnaireMaxAge, complaintMaxAge);
  }
}
