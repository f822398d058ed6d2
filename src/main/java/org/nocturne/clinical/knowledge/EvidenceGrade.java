package org.nocturne.clinical.knowledge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The evidence grades of the knowledge file ({@code [V]} checked against the guideline, {@code
 * [V-weak]}, {@code [M]}) are for the people who maintain it; no reader of a card or page sees
 * them.
 */
public final class EvidenceGrade {
  private static final Pattern GRADE = Pattern.compile("\\s*\\[(?:V|V-weak|M)]");

  /**
   * Each source stripped once: they are the knowledge file's few hundred texts, and every card
   * cites several (issue 30). Bounded, in case a caller passes texts of its own.
   */
  private static final Map<String, String> STRIPPED = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED = 4096;

  private EvidenceGrade() {}

  /** The source text without its grades, trimmed. */
  public static String strip(String source) {
    String stripped = STRIPPED.get(source);
    if (stripped == null) {
      stripped = GRADE.matcher(source).replaceAll("").strip();
      if (STRIPPED.size() < MAX_REMEMBERED) {
        STRIPPED.put(source, stripped);
      }
    }
    return stripped;
  }
}
