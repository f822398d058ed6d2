package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/** Code lists come from fhir-profiles/, and ICD-10-CM families are matched by prefix or pattern. */
class CodeSetsTest {

  private static ValueSet withFilter(String system, String property, String op, String value) {
    ValueSet valueSet = new ValueSet();
    valueSet
        .getCompose()
        .addInclude()
        .setSystem(system)
        .addFilter()
        .setProperty(property)
        .setOp(ValueSet.FilterOperator.fromCode(op))
        .setValue(value);
    return valueSet;
  }

  @Test
  void anIcdIsAFilterMatchesTheWholeFamilyAndNothingElse() {
    CodeSet set = CodeSets.toCodeSet("t", withFilter(CodeSet.ICD10CM, "concept", "is-a", "I70.22"));

    assertThat(set.matches(CodeSet.ICD10CM, "I70.222")).isTrue();
    assertThat(set.matches(CodeSet.ICD10CM, "I70.22")).isTrue();
    assertThat(set.matches(CodeSet.ICD10CM, "I70.21")).isFalse();
    assertThat(set.matches("http://snomed.info/sct", "I70.222")).isFalse();
  }

  @Test
  void anIcdRegexFilterMatchesByPattern() {
    CodeSet set =
        CodeSets.toCodeSet("t", withFilter(CodeSet.ICD10CM, "code", "regex", "C[0-9][0-9A-Z.]*"));

    assertThat(set.matches(CodeSet.ICD10CM, "C50.911")).isTrue();
    assertThat(set.matches(CodeSet.ICD10CM, "D05.10")).isFalse();
  }

  @Test
  void aFilterThatCannotBeEvaluatedOfflineStopsTheStart() {
    assertThatThrownBy(
            () ->
                CodeSets.toCodeSet(
                    "t", withFilter("http://snomed.info/sct", "concept", "is-a", "64572001")))
        .hasMessageContaining("cannot be evaluated offline");
  }

  @Test
  void everyConceptOfTheModelHasItsValueSet() {
    assertThat(CodeSets.load(Fhir.CONTEXT)).isNotNull();
  }
}
