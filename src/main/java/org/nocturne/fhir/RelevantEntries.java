package org.nocturne.fhir;

import java.util.function.Predicate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import tools.jackson.databind.JsonNode;

/**
 * Whether a record entry can change the facts, decided on its JSON before HAPI builds it: a
 * condition, observation or medication order whose concept none of the mappers reads (a sinusitis,
 * a heart rate, an inhaler) is passed over. A real record is mostly such entries, and building them
 * was most of a call's time.
 *
 * <p>The decision is the mappers' own ({@code reads}), on a concept taken from the JSON exactly as
 * HAPI would give it. When the concept cannot be read that way (absent, or not the shape FHIR
 * defines), the entry is read in full, so the mappers see it and report what is wrong with it.
 * Other resource types (a bundled Medication, an OperationOutcome) are always read.
 */
final class RelevantEntries {
  private final ConditionMapper conditions;
  private final ObservationMapper observations;
  private final MedicationMapper medications;

  RelevantEntries(CodeSets codes) {
    this.conditions = new ConditionMapper(codes);
    this.observations = new ObservationMapper(codes);
    this.medications = new MedicationMapper(codes);
  }

  boolean mayMatter(JsonNode resource) {
    return switch (resource.path("resourceType").asString("")) {
      case "Condition" -> unreadableOr(concept(resource.get("code")), conditions::reads);
      case "Observation" -> unreadableOr(concept(resource.get("code")), observations::reads);
      case "MedicationRequest", "MedicationStatement" ->
          resource.has("medicationReference")
              || unreadableOr(
                  concept(resource.get("medicationCodeableConcept")), medications::reads);
      default -> true;
    };
  }

  private static boolean unreadableOr(CodeableConcept concept, Predicate<CodeableConcept> reads) {
    return concept == null || reads.test(concept);
  }

  /**
   * The CodeableConcept HAPI would build from this JSON (text, and each coding's system, code and
   * display), or {@code null} when the JSON is not one.
   */
  static CodeableConcept concept(JsonNode json) {
    if (json == null || !json.isObject()) {
      return null;
    }
    CodeableConcept concept = new CodeableConcept();
    JsonNode text = json.get("text");
    if (!readable(text)) {
      return null;
    }
    if (text != null) {
      concept.getTextElement().setValueAsString(text.stringValue());
    }
    JsonNode codings = json.get("coding");
    if (codings == null) {
      return concept;
    }
    if (!codings.isArray()) {
      return null;
    }
    for (JsonNode coding : codings) {
      if (!coding.isObject()) {
        return null;
      }
      JsonNode system = coding.get("system");
      JsonNode code = coding.get("code");
      JsonNode display = coding.get("display");
      if (!readable(system) || !readable(code) || !readable(display)) {
        return null;
      }
      // set as HAPI's parser sets them (it trims a code, "72166-2 " is 72166-2)
      Coding read = concept.addCoding();
      if (system != null) {
        read.getSystemElement().setValueAsString(system.stringValue());
      }
      if (code != null) {
        read.getCodeElement().setValueAsString(code.stringValue());
      }
      if (display != null) {
        read.getDisplayElement().setValueAsString(display.stringValue());
      }
    }
    return concept;
  }

  /** Absent, or a string HAPI reads as it is (a blank one it would refuse or drop). */
  private static boolean readable(JsonNode value) {
    return value == null || (value.isString() && !value.stringValue().isBlank());
  }
}
