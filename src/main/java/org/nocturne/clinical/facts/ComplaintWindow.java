package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How old a questionnaire or a leg-pain diagnosis may be and still count as a current complaint
 * (contract, "When patient-view speaks"). Older answers are history: they raise no red flag.
 *
 * @param questionnaireMaxAge {@code nocturne.cards.questionnaire-max-age}, default 30 days
 * @param complaintMaxAge {@code nocturne.cards.complaint-max-age}, default 90 days
 */
public record ComplaintWindow(Period questionnaireMaxAge, Period complaintMaxAge) {
  public static final ComplaintWindow DEFAULT =
      new ComplaintWindow(Period.ofDays(30), Period.ofDays(90));

  public ComplaintWindow {
    Objects.requireNonNull(questionnaireMaxAge, "questionnaireMaxAge");
    Objects.requireNonNull(complaintMaxAge, "complaintMaxAge");
    if (questionnaireMaxAge.isNegative() || complaintMaxAge.isNegative()) {
      throw new IllegalArgumentException("a maximum age cannot be negative");
    }
  }

  /** Answered within the questionnaire window; an undated response is never current. */
  boolean questionnaireCurrent(LocalDate authored, LocalDate today) {
    return authored != null && !authored.isBefore(today.minus(questionnaireMaxAge));
  }

  public boolean complaintCurrent(LocalDate date, LocalDate today) {
    return date != null && !date.isBefore(today.minus(complaintMaxAge));
  }
}
