package org.nocturne.cards;

import java.util.List;
import java.util.Optional;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Link;
import org.nocturne.cdshooks.LinkType;
import org.nocturne.clinical.Assessment;

/**
 * Asks for the patient questionnaire when there is no response: it is what sharpens the ranking.
 */
final class QuestionnaireCard {
  static final String CANONICAL = "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain";

  Optional<Card> render(Assessment assessment, CardContext context) {
    if (assessment.questionnaireAnswered()) {
      return Optional.empty();
    }
    Link link =
        context.questionnaireLaunchUrl() == null
            ? Link.absolute(
                "The Nocturne questionnaire (FHIR R4)",
                context.url("/fhir/Questionnaire/nocturnal-leg-pain"))
            : new Link(
                "Open the Nocturne questionnaire",
                context.questionnaireLaunchUrl(),
                LinkType.SMART,
                "{\"questionnaire\":\"" + CANONICAL + "\"}");
    String detail =
        "Nocturne ranked the causes of night-time leg pain from the record alone, so no likelihood is above moderate. "
            + "The questionnaire asks the patient about the pattern of the pain, what eases it, and warning signs "
            + "(about 5 minutes); its answers change the ranking and can raise red flags.";
    return Optional.of(
        new Card(
            context.uuid("questionnaire-needed"),
            "Night leg pain: ask the patient to complete the Nocturne questionnaire",
            detail,
            Indicator.INFO,
            Vocabulary.source(
                Vocabulary.CARD_KINDS, "questionnaire-needed", "Questionnaire needed"),
            null,
            null,
            null,
            List.of(link),
            null));
  }
}
