package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Measure;

/**
 * The inverted indexes answer exactly what asking every code set, and searching every name, did: on
 * every code of every ValueSet, spelled as EHRs spell them, on ICD-10 codes around the families,
 * and on texts built from the names.
 */
class CodeIndexTest {
  private static <E extends Enum<E>> Map<E, CodeSet> sets(Class<E> type, String prefix)
      throws IOException {
    Map<E, CodeSet> sets = new EnumMap<>(type);
    for (E member : type.getEnumConstants()) {
      String id = prefix + member.name().toLowerCase(Locale.ROOT).replace('_', '-');
      String json = Files.readString(Path.of("fhir-profiles/ValueSet-" + id + ".json"));
      sets.put(
          member,
          CodeSets.toCodeSet(id, Fhir.CONTEXT.newJsonParser().parseResource(ValueSet.class, json)));
    }
    return sets;
  }

  private static <E extends Enum<E>> Set<E> askEachSet(
      Class<E> type, Map<E, CodeSet> sets, CodeSet.Code code) {
    Set<E> found = EnumSet.noneOf(type);
    sets.forEach(
        (member, set) -> {
          if (set.matches(code)) {
            found.add(member);
          }
        });
    return found;
  }

  /** Every code of the sets, in upper and lower case, with and without ICD dots, and neighbours. */
  private static List<CodeSet.Code> codes(Map<?, CodeSet> sets) {
    List<CodeSet.Code> codes = new ArrayList<>();
    Random random = new Random(7);
    for (CodeSet set : sets.values()) {
      set.exact()
          .forEach(
              (system, values) -> {
                for (String value : values) {
                  codes.add(CodeSet.Code.of(system, value));
                  codes.add(CodeSet.Code.of(system, " " + value.toLowerCase(Locale.ROOT) + " "));
                  codes.add(CodeSet.Code.of(system, value + "1"));
                  codes.add(CodeSet.Code.of("urn:oid:2.16.840.1.113883.6.90", value));
                }
              });
      for (String prefix : set.icdPrefixes()) {
        codes.add(CodeSet.Code.of(CodeSet.ICD10CM, prefix));
        codes.add(
            CodeSet.Code.of(CodeSet.ICD10CM, prefix.substring(0, 3) + "." + random.nextInt(99)));
      }
    }
    for (int i = 0; i < 5_000; i++) {
      String icd =
          (char) ('A' + random.nextInt(26))
              + String.format(Locale.ROOT, "%02d", random.nextInt(100))
              + (random.nextBoolean() ? "." + random.nextInt(999) : "");
      codes.add(CodeSet.Code.of(CodeSet.ICD10CM, icd));
    }
    return codes;
  }

  @Test
  void theIndexesAnswerWhatEverySetAnswers() throws IOException {
    check(Disorder.class, sets(Disorder.class, "condition-"));
    check(Measure.class, sets(Measure.class, "observation-"));
    check(DrugClass.class, sets(DrugClass.class, "drug-"));
  }

  private static <E extends Enum<E>> void check(Class<E> type, Map<E, CodeSet> sets) {
    CodeIndex<E> index = new CodeIndex<>(type, sets);
    List<CodeSet.Code> codes = codes(sets);
    assertThat(codes).hasSizeGreaterThan(5_000);
    int matched = 0;
    for (CodeSet.Code code : codes) {
      Set<E> expected = askEachSet(type, sets, code);
      assertThat(index.members(code)).as("%s", code).isEqualTo(expected);
      matched += expected.isEmpty() ? 0 : 1;
    }
    assertThat(matched).as("codes that belong to a set").isGreaterThan(10);
  }

  @Test
  void theNameIndexFindsWhatSearchingEveryNameFinds() throws IOException {
    Map<DrugClass, CodeSet> sets = sets(DrugClass.class, "drug-");
    Map<DrugClass, List<String>> names = new EnumMap<>(DrugClass.class);
    List<String> all = new ArrayList<>();
    sets.forEach(
        (drugClass, set) -> {
          names.put(drugClass, set.names());
          all.addAll(set.names());
        });
    NameIndex<DrugClass> index = new NameIndex<>(DrugClass.class, names);
    String[] glue = {" ", "", "-", "/", "x", "5", " mg ", "(", "s "};
    Random random = new Random(11);
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int words = random.nextInt(4); words >= 0; words--) {
        String name = all.get(random.nextInt(all.size()));
        // whole names, and names cut short or run on, to hit the word boundaries
        text.append(
                random.nextInt(4) == 0
                    ? name.substring(0, 1 + random.nextInt(name.length()))
                    : name)
            .append(glue[random.nextInt(glue.length)]);
      }
      String haystack = text.toString();
      Set<DrugClass> expected = EnumSet.noneOf(DrugClass.class);
      names.forEach(
          (drugClass, list) -> {
            if (list.stream().anyMatch(name -> CodeSets.containsWord(haystack, name))) {
              expected.add(drugClass);
            }
          });
      assertThat(index.members(haystack)).as(haystack).isEqualTo(expected);
      found += expected.isEmpty() ? 0 : 1;
    }
    assertThat(found).isGreaterThan(1_000);
  }
}
