package org.nocturne.clinical.knowledge;

import java.util.regex.Pattern;

/**
 * The evidence grades of the knowledge file ({@code [V]} checked against the guideline, {@code
 * [V-weak]}, {@code [M]}) are for the people who maintain it; no reader of a card or page sees
 * them.
 */
public final class EvidenceGrade {
  private static final Pattern GRADE = Pattern.compile("\\s*\\[(?:V|V-weak|M)]");

  private EvidenceGrade() {}

  /** The source text without its grades, trimmed. */
  public static String strip(String source) {
    return GRADE.matcher(source).replaceAll("").strip();
  }
}
