package org.nocturne.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of a family of code sets (the disorders, the measures, the drug classes) a coding belongs
 * to, in one lookup rather than one per set: every set's exact codes inverted into one map, and the
 * ICD-10 families (prefixes, patterns) kept beside it. Answers exactly what asking each {@link
 * CodeSet#matches} would (CodeIndexTest); every record entry is checked against these families.
 */
final class CodeIndex<E extends Enum<E>> {
  private record Family<E, T>(T rule, E member) {}

  private final Class<E> type;
  private final Map<String, Map<String, Set<E>>> exact = new HashMap<>();
  private final List<Family<E, String>> icdPrefixes = new ArrayList<>();
  private final List<Family<E, Pattern>> icdPatterns = new ArrayList<>();

  CodeIndex(Class<E> type, Map<E, CodeSet> sets) {
    this.type = type;
    sets.forEach(
        (member, set) -> {
          set.exact()
              .forEach(
                  (system, codes) ->
                      codes.forEach(
                          code ->
                              exact
                                  .computeIfAbsent(system, s -> new HashMap<>())
                                  .computeIfAbsent(code, c -> EnumSet.noneOf(type))
                                  .add(member)));
          set.icdPrefixes().forEach(prefix -> icdPrefixes.add(new Family<>(prefix, member)));
          set.icdPatterns().forEach(pattern -> icdPatterns.add(new Family<>(pattern, member)));
        });
  }

  /** The members whose set holds the code, in their declared order. */
  Set<E> members(CodeSet.Code code) {
    Set<E> found = EnumSet.noneOf(type);
    Map<String, Set<E>> codes = exact.get(code.system());
    if (codes != null) {
      Set<E> members = codes.get(code.icd() != null ? code.icd() : code.trimmed());
      if (members != null) {
        found.addAll(members);
      }
    }
    if (code.icd() != null) {
      for (Family<E, String> prefix : icdPrefixes) {
        if (code.icd().startsWith(prefix.rule())) {
          found.add(prefix.member());
        }
      }
      for (Family<E, Pattern> pattern : icdPatterns) {
        if (pattern.rule().matcher(code.dotted()).matches()) {
          found.add(pattern.member());
        }
      }
    }
    return found;
  }
}
