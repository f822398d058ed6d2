package org.nocturne;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch reading ease (Flesch 1948): 206.835 − 1.015 × words per sentence − 84.6 × syllables per
 * word. 60–70 is plain English (a reading age of about 13–15), 70–80 fairly easy (about 12), 80–90
 * easy (about 11). Sentences end at . ! or ?; a block without one (a heading, a list item, an
 * answer option) is a sentence of its own. Syllables are counted by the usual heuristic: vowel
 * groups, less a silent final "e", "-es" or "-ed".
 */
public final class Readability {
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z']*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
  private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

  private Readability() {}

  /** The score of blocks of text read in a row (paragraphs, list items, questions). */
  public static double fleschReadingEase(List<String> blocks) {
    int words = 0;
    int syllables = 0;
    int sentences = 0;
    for (String block : blocks) {
      String text = block.trim();
      Matcher word = WORD.matcher(text);
      int before = words;
      while (word.find()) {
        words++;
        syllables += syllables(word.group());
      }
      if (words == before) {
        continue;
      }
      Matcher end = SENTENCE_END.matcher(text);
      int ends = 0;
      while (end.find()) {
        ends++;
      }
      boolean closed = text.matches("(?s).*[.!?][\"')]*$");
      sentences += closed ? ends : ends + 1;
    }
    if (words == 0) {
      return 100;
    }
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
  }

  public static double fleschReadingEase(String text) {
    return fleschReadingEase(List.of(text));
  }

  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace("'", "");
    if (w.length() <= 3) {
      return 1;
    }
    if (w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee")) {
      w = w.substring(0, w.length() - 1);
    } else if (w.endsWith("ed") && !w.matches(".*[td]ed")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("es") && !w.matches(".*(s|x|z|ch|sh|g|c)es")) {
      w = w.substring(0, w.length() - 2);
    }
    int count = 0;
    Matcher vowels = VOWELS.matcher(w);
    while (vowels.find()) {
      count++;
    }
    return Math.max(1, count);
  }
}
