package org.nocturne.cards;

import java.util.List;
import java.util.Optional;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.Indicator;
import org.nocturne.cdshooks.Link;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.facts.Complaint;

/**
 * Asks for the patient questionnaire when there is a current complaint on the record but no recent
 * response: it is what sharpens the ranking and what can raise red flags. An old response is named
 * with its date.
 */
final class QuestionnaireCard {

  Optional<Card> render(Assessment assessment, CardContext context) {
    if (assessment.questionnaireAnswered()) {
      return Optional.empty();
    }
    Link link =
        context
            .app("Open the Nocturne questionnaire", "questionnaire")
            .orElseGet(
                () ->
                    Link.absolute(
                        "The Nocturne questionnaire (FHIR R4)",
                        context.url("/fhir/Questionnaire/nocturnal-leg-pain")));
    Complaint complaint = assessment.complaint();
    String last =
        complaint.questionnaireOutOfDate()
            ? " (last answered " + Dates.format(complaint.questionnaireDate()) + ")"
            : "";
    String detail =
        (complaint.questionnaireOutOfDate()
                ? "The last questionnaire ("
                    + Dates.format(complaint.questionnaireDate())
                    + ") is too old to use: ask again. "
                : "")
            + "Nocturne ranked the causes from the record alone, so no likelihood is above moderate. "
            + "The questionnaire asks about the pattern of the pain, what eases it, and warning signs "
            + "(about 5 minutes); its answers change the ranking and can raise red flags."
            // Epic hides a SMART link unless the app is registered, Oracle strips one unless
            // allow-listed: the card must still say what to do without it
            + " Without the link, give the patient the Nocturne questionnaire \"Leg pain at night\""
            + " in the patient portal or on paper, and record the answers.";
    return Optional.of(
        new Card(
            context.uuid("questionnaire-needed"),
            Markdown.summary(
                "Night leg pain: ask the patient to complete the Nocturne questionnaire" + last),
            detail,
            Indicator.INFO,
            Vocabulary.source(
                Vocabulary.CARD_KINDS, "questionnaireNeeded", "Questionnaire needed", context),
            null,
            null,
            null,
            List.of(link),
            null));
  }
}
