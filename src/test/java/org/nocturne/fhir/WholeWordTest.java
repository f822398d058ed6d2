package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The medication-name match without regex finds exactly what the whole-word regex found. */
class WholeWordTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        " quinine sulfate 300 mg |quinine|true",
        " quinidine gluconate |quinine|false",
        "quinine|quinine|true",
        " hydroxyquinine |quinine|false",
        " quininequinine quinine |quinine|true",
        " quinine300 |quinine|true",
        " 5quinine |quinine|true",
        " quinine-containing |quinine|true",
        " quinines |quinine|false",
        " xquinine quininex |quinine|false",
        " amlodipine/atorvastatin |atorvastatin|true",
        " é quinine é |quinine|true",
        "x|quinine|false"
      })
  void aNameMatchesAsAWholeWordOnly(String text, String name, boolean expected) {
    Pattern regex = Pattern.compile("(?<![a-z])" + Pattern.quote(name) + "(?![a-z])");

    assertThat(CodeSets.containsWord(text, name)).isEqualTo(expected);
    assertThat(regex.matcher(text).find()).isEqualTo(expected);
  }
}
