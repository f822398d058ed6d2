package org.nocturne.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drug classes whose ingredient names occur as whole words in a text ({@link
 * CodeSets#containsWord}), found in one pass over the text's words rather than one search per name:
 * a whole-word occurrence of a name that starts with a letter starts where a run of letters starts,
 * and that run is the name's own first run, so the names are indexed by it. Names that start
 * otherwise (none today) are searched one by one. CodeIndexTest holds it to the search.
 */
final class NameIndex<E extends Enum<E>> {
  private record Name<E>(String text, E member) {}

  private final Class<E> type;
  private final Map<String, List<Name<E>>> byFirstWord = new HashMap<>();
  private final List<Name<E>> irregular = new ArrayList<>();

  /**
   * @param names each member's names, in lower case
   */
  NameIndex(Class<E> type, Map<E, List<String>> names) {
    this.type = type;
    names.forEach(
        (member, list) ->
            list.forEach(
                name -> {
                  int run = letters(name, 0);
                  if (run == 0) {
                    irregular.add(new Name<>(name, member));
                  } else {
                    byFirstWord
                        .computeIfAbsent(name.substring(0, run), w -> new ArrayList<>())
                        .add(new Name<>(name, member));
                  }
                }));
  }

  /**
   * @param text in lower case
   */
  Set<E> members(String text) {
    Set<E> found = EnumSet.noneOf(type);
    int at = 0;
    while (at < text.length()) {
      int run = letters(text, at);
      if (run == 0) {
        at++;
        continue;
      }
      List<Name<E>> candidates = byFirstWord.get(text.substring(at, at + run));
      if (candidates != null) {
        for (Name<E> name : candidates) {
          int end = at + name.text().length();
          if (text.startsWith(name.text(), at)
              && (end == text.length() || !isAsciiLower(text.charAt(end)))) {
            found.add(name.member());
          }
        }
      }
      at += run;
    }
    for (Name<E> name : irregular) {
      if (CodeSets.containsWord(text, name.text())) {
        found.add(name.member());
      }
    }
    return found;
  }

  /** The length of the run of letters a-z starting at {@code from}. */
  private static int letters(String text, int from) {
    int end = from;
    while (end < text.length() && isAsciiLower(text.charAt(end))) {
      end++;
    }
    return end - from;
  }

  private static boolean isAsciiLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
