package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.junit.ArchTest;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Keeps {@code docs/hazard-log.md} true: every control names a test ({@code TestClass#method}) that
 * exists, is a test, and is not disabled, so the build that runs it proves the control; every
 * hazard of the summary table has its section and at least one such test.
 */
class HazardLogTest {
  private static final Path LOG = Path.of("docs/hazard-log.md");
  private static final Path TESTS = Path.of("src/test/java");
  private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([A-Za-z0-9_]+)`");
  private static final Pattern SUMMARY_ROW = Pattern.compile("(?m)^\\| (H\\d+) \\| ([^|]+) \\|");

  private static final List<String> REQUIRED =
      List.of(
          "red flag is missed",
          "false critical",
          "harmful suggestion",
          "stale or unavailable data",
          "wrong patient or the wrong drug",
          "card budget",
          "down",
          "shadow, pilot");

  @Test
  void everyNamedTestExistsIsATestAndIsNotDisabled() throws Exception {
    List<String> references = new ArrayList<>();
    Matcher reference = REFERENCE.matcher(Files.readString(LOG));
    while (reference.find()) {
      references.add(reference.group(1) + "#" + reference.group(2));
      AnnotatedElement test = test(reference.group(1), reference.group(2));
      assertThat(test).as("%s in the hazard log", reference.group()).isNotNull();
      assertThat(
              test.isAnnotationPresent(Test.class)
                  || test.isAnnotationPresent(ParameterizedTest.class)
                  || test.isAnnotationPresent(ArchTest.class))
          .as("%s is a test", reference.group())
          .isTrue();
      assertThat(
              test.isAnnotationPresent(Disabled.class)
                  || ((Member) test).getDeclaringClass().isAnnotationPresent(Disabled.class))
          .as("%s is disabled", reference.group())
          .isFalse();
    }
    assertThat(references).hasSizeGreaterThan(40);
  }

  @Test
  void everyHazardHasItsSectionCauseEffectControlsAndResidualRisk() throws IOException {
    String log = Files.readString(LOG);
    Map<String, String> hazards = new TreeMap<>();
    Matcher row = SUMMARY_ROW.matcher(log);
    while (row.find()) {
      hazards.put(row.group(1), row.group(2).trim());
    }
    assertThat(hazards.values())
        .allSatisfy(title -> assertThat(title).isNotBlank())
        .satisfies(
            titles ->
                REQUIRED.forEach(
                    required ->
                        assertThat(titles)
                            .as("a hazard about %s", required)
                            .anyMatch(t -> t.toLowerCase().contains(required))));
    for (String id : hazards.keySet()) {
      int start = log.indexOf("\n## " + id + ":");
      assertThat(start).as("the section of %s", id).isPositive();
      int end = log.indexOf("\n## ", start + 1);
      String section = log.substring(start, end < 0 ? log.length() : end);
      assertThat(section)
          .as(id)
          .contains("**Cause**")
          .contains("**Effect**")
          .contains("| control | proved by |")
          .contains("**Residual risk**");
      assertThat(REFERENCE.matcher(section).find()).as("%s names a test", id).isTrue();
    }
  }

  /**
   * The method of the test class of that simple name, wherever under src/test/java it lives, its
   * nested classes included.
   */
  private static AnnotatedElement test(String simpleName, String name) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(TESTS)) {
      files = walk.filter(p -> p.getFileName().toString().equals(simpleName + ".java")).toList();
    }
    assertThat(files).as("the test class %s", simpleName).hasSize(1);
    String className =
        TESTS.relativize(files.get(0)).toString().replace(".java", "").replace('/', '.');
    return find(Class.forName(className), name);
  }

  /** A method, or an ArchUnit rule field, of the class or one of its {@code @Nested} classes. */
  private static AnnotatedElement find(Class<?> type, String name) {
    AnnotatedElement method =
        Arrays.stream(type.getDeclaredMethods())
            .filter(m -> m.getName().equals(name))
            .findFirst()
            .map(AnnotatedElement.class::cast)
            .orElseGet(
                () ->
                    Arrays.stream(type.getDeclaredFields())
                        .filter(f -> f.getName().equals(name))
                        .findFirst()
                        .orElse(null));
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (method == null) {
        method = find(nested, name);
      }
    }
    return method;
  }
}
