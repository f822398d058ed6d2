package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code src/docs/conformance.md} honest: every requirement of the sheet in the repository
 * ({@code src/docs/conformance/}) has a row, and every test it cites exists.
 */
class ConformanceTableTest {
  private static final Path TABLE = Path.of("src/docs/conformance.md");
  private static final Path REQUIREMENTS = Path.of("src/docs/conformance/service-requirements.tsv");
  private static final Pattern CITED =
      Pattern.compile("`([A-Z][A-Za-z]+Test)(?:\\.([a-zA-Z0-9]+))?`");
  private static final List<String> PACKAGES =
      List.of(
          "org.nocturne.",
          "org.nocturne.cdshooks.",
          "org.nocturne.cdshooks.security.",
          "org.nocturne.cdshooks.prefetch.",
          "org.nocturne.cdshooks.endpoint.",
          "org.nocturne.service.",
          "org.nocturne.cards.",
          "org.nocturne.clinical.",
          "org.nocturne.fhir.",
          "org.nocturne.fallback.",
          "org.nocturne.state.");

  @Test
  void everyCitedTestClassAndMethodExists() throws IOException {
    Matcher matcher = CITED.matcher(Files.readString(TABLE));
    int cited = 0;
    while (matcher.find()) {
      Class<?> type = find(matcher.group(1));
      if (matcher.group(2) != null) {
        Set<String> methods =
            Arrays.stream(type.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(methods).as("a test cited in conformance.md").contains(matcher.group(2));
      }
      cited++;
    }
    assertThat(cited).isGreaterThan(50);
  }

  @Test
  void everyRequirementHasARow() throws IOException {
    String table = Files.readString(TABLE);
    for (String line : Files.readAllLines(REQUIREMENTS)) {
      String id = line.split("\t")[0];
      assertThat(table).contains("\n| " + id + " |");
    }
    assertThat(Files.readAllLines(REQUIREMENTS)).hasSizeGreaterThan(100);
    assertThat(table).doesNotContain("| TODO |");
  }

  private static Class<?> find(String simpleName) {
    for (String prefix : PACKAGES) {
      try {
        return Class.forName(prefix + simpleName);
      } catch (ClassNotFoundException e) {
        // try the next package
      }
    }
    throw new AssertionError("conformance.md cites " + simpleName + ", which does not exist");
  }
}
