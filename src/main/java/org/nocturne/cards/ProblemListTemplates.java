package org.nocturne.cards;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.nocturne.cdshooks.Action;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.clinical.conclusions.Cause;
import tools.jackson.databind.node.ObjectNode;

/**
 * A problem-list entry for a cause that is highly likely, so documenting it is one click: a FHIR R4
 * Condition (problem-list item, provisional) coded in SNOMED CT and ICD-10-CM with the codes our
 * own ValueSets read back. Arthritis has none: osteoarthritis and rheumatoid arthritis differ.
 */
final class ProblemListTemplates {
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm";

  private record Codes(Coding snomed, Coding icd) {}

  private static final Map<Cause, Codes> CODES =
      Map.of(
          Cause.LEG_CRAMPS,
          new Codes(
              new Coding(SNOMED, "449918009", "Cramp in lower leg"),
              new Coding(ICD, "G47.62", "Sleep related leg cramps")),
          Cause.RESTLESS_LEGS,
          new Codes(
              new Coding(SNOMED, "32914008", "Restless legs"),
              new Coding(ICD, "G25.81", "Restless legs syndrome")),
          Cause.SCIATICA,
          new Codes(
              new Coding(SNOMED, "23056005", "Sciatica"),
              new Coding(ICD, "M54.30", "Sciatica, unspecified side")),
          Cause.PERIPHERAL_NEUROPATHY,
          new Codes(
              new Coding(SNOMED, "302226006", "Peripheral nerve disease"),
              new Coding(ICD, "G62.9", "Polyneuropathy, unspecified")),
          Cause.PERIPHERAL_ARTERY_DISEASE,
          new Codes(
              new Coding(SNOMED, "840580004", "Peripheral arterial disease"),
              new Coding(ICD, "I73.9", "Peripheral vascular disease, unspecified")),
          Cause.VENOUS_INSUFFICIENCY,
          new Codes(
              new Coding(SNOMED, "128060009", "Varicose veins of lower extremity"),
              new Coding(ICD, "I87.2", "Venous insufficiency (chronic) (peripheral)")));

  private final FhirContext fhir;

  /** Each cause's Condition as HAPI writes it, for a placeholder patient: written once. */
  private final Map<Cause, ObjectNode> written = new ConcurrentHashMap<>();

  ProblemListTemplates(FhirContext fhir) {
    this.fhir = fhir;
  }

  /** The Condition to create, with the ICD-10-CM code in the label. */
  Optional<Labelled> problem(Cause cause, String patientId) {
    Codes codes = CODES.get(cause);
    if (codes == null) {
      return Optional.empty();
    }
    ObjectNode condition = written.computeIfAbsent(cause, c -> write(fhir, codes)).deepCopy();
    condition.putObject("subject").put("reference", "Patient/" + patientId);
    String label =
        "Add to the problem list: " + codes.icd().getDisplay() + " (" + codes.icd().getCode() + ")";
    return Optional.of(
        new Labelled(label, Action.create("Create the Condition " + label, condition)));
  }

  private static ObjectNode write(FhirContext fhir, Codes codes) {
    Condition condition = new Condition();
    condition.setClinicalStatus(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
    condition.setVerificationStatus(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "provisional",
                "Provisional")));
    condition.addCategory(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item",
                "Problem List Item")));
    condition.setCode(
        new CodeableConcept()
            .addCoding(codes.snomed().copy())
            .addCoding(codes.icd().copy())
            // Epic documents ICD-10-CM on created Conditions by its OID: both forms, one code
            .addCoding(
                new Coding(
                    "urn:oid:2.16.840.1.113883.6.90",
                    codes.icd().getCode(),
                    codes.icd().getDisplay()))
            .setText(codes.icd().getDisplay()));
    condition.setSubject(new Reference("Patient/placeholder"));
    return (ObjectNode)
        CdsJson.mapper().readTree(fhir.newJsonParser().encodeResourceToString(condition));
  }

  /** The suggestion's label and its action. */
  record Labelled(String label, Action action) {}
}
