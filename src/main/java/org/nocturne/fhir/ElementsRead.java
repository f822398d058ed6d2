package org.nocturne.fhir;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The top-level elements of each record resource that the mappers read. HAPI builds an object for
 * every element it is given, and building them was most of a call's time on a real record (its
 * identifiers, meta, encounters, categories and dosage instructions are never read), so the reader
 * gives HAPI these elements only. A mapper that starts reading another element names it here, and
 * in ReadingWhatMattersTest's rich record, where every element listed here changes the facts.
 *
 * <p>A name ending in {@code [x]} is a FHIR choice element ({@code onset[x]}: {@code
 * onsetDateTime}, {@code onsetPeriod}…). A primitive's extensions ({@code _status}) go with it.
 * Patient and QuestionnaireResponse are read whole.
 */
final class ElementsRead {
  private static final Set<String> ALWAYS = Set.of("resourceType", "id");

  // when the drug was started: the card names it with its date ("omeprazole since 2017")
  private static final Set<String> MEDICATION_ORDER =
      Set.of("status", "medication[x]", "contained", "authoredOn", "effective[x]");

  private static final Map<String, Set<String>> BY_TYPE =
      Map.of(
          "Condition",
          Set.of(
              "clinicalStatus",
              "verificationStatus",
              "code",
              "onset[x]",
              "recordedDate",
              "bodySite"),
          "Observation",
          Set.of(
              "status",
              "code",
              "value[x]",
              "component",
              "bodySite",
              "interpretation",
              "referenceRange",
              "effective[x]",
              "issued"),
          "MedicationRequest",
          MEDICATION_ORDER,
          "MedicationStatement",
          MEDICATION_ORDER,
          "Medication",
          Set.of("code", "ingredient"));

  private static final Map<String, Predicate<String>> READ =
      BY_TYPE.entrySet().stream()
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> reads(e.getValue())));

  private ElementsRead() {}

  /** Which top-level JSON properties of a resource of this type to read; all for other types. */
  static Predicate<String> of(String resourceType) {
    return READ.getOrDefault(resourceType, property -> true);
  }

  private static Predicate<String> reads(Set<String> elements) {
    List<String> choices =
        elements.stream()
            .filter(e -> e.endsWith("[x]"))
            .map(e -> e.substring(0, e.length() - 3))
            .toList();
    return property -> {
      String name = property.startsWith("_") ? property.substring(1) : property;
      return ALWAYS.contains(name) || elements.contains(name) || isChoice(name, choices);
    };
  }

  /** {@code onsetDateTime} is a choice of {@code onset[x]}; {@code onsetter} would not be. */
  private static boolean isChoice(String name, List<String> choices) {
    for (String choice : choices) {
      if (name.length() > choice.length()
          && name.startsWith(choice)
          && Character.isUpperCase(name.charAt(choice.length()))) {
        return true;
      }
    }
    return false;
  }
}
