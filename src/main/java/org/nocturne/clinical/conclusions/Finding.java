package org.nocturne.clinical.conclusions;

import java.util.List;
import java.util.Objects;

/**
 * One observation that moved a conclusion, and why it counts.
 *
 * @param text what was found, in clinical words ("Eased by hanging the legs down")
 * @param points how much it moved a cause's score: positive for, negative against; 0 for red-flag
 *     findings, which are not scored
 * @param basis the literature or criterion that makes it count
 * @param evidence the record entries it rests on ({@code Observation/abi-left}, {@code
 *     QuestionnaireResponse/qr1#relief-dangling})
 */
public record Finding(String text, int points, String basis, List<String> evidence) {
  public Finding {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(basis, "basis");
    evidence = List.copyOf(evidence);
  }
}
