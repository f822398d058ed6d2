package org.nocturne.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.nocturne.clinical.DrugClass;

/**
 * Active medication orders (and active medication statements) to drug classes: by RxNorm code, then
 * by ingredient name. A {@code medicationReference} is resolved against contained Medications and
 * those in the same Bundle.
 */
final class MedicationMapper {
  private final CodeSets codes;

  MedicationMapper(CodeSets codes) {
    this.codes = codes;
  }

  /** Whether an order of the medication this concept names can belong to a drug class. */
  boolean reads(CodeableConcept concept) {
    List<Coding> codings = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    add(concept, codings, texts);
    return !codes.drugClasses(codings, texts).isEmpty();
  }

  List<org.nocturne.clinical.Medication> map(List<Resource> resources, Skipped skipped) {
    Map<String, Medication> bundled = new HashMap<>();
    for (Resource resource : resources) {
      if (resource instanceof Medication medication && medication.hasIdElement()) {
        bundled.put("Medication/" + medication.getIdElement().getIdPart(), medication);
      }
    }
    List<org.nocturne.clinical.Medication> out = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource instanceof MedicationRequest request
          && request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE) {
        classify(
            request,
            request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null,
            request.hasMedicationReference() ? request.getMedicationReference() : null,
            bundled,
            out,
            skipped);
      } else if (resource instanceof MedicationStatement statement
          && statement.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE) {
        classify(
            statement,
            statement.hasMedicationCodeableConcept()
                ? statement.getMedicationCodeableConcept()
                : null,
            statement.hasMedicationReference() ? statement.getMedicationReference() : null,
            bundled,
            out,
            skipped);
      }
    }
    return out;
  }

  private void classify(
      Resource order,
      CodeableConcept concept,
      Reference reference,
      Map<String, Medication> bundled,
      List<org.nocturne.clinical.Medication> out,
      Skipped skipped) {
    String source = References.of(order);
    List<Coding> codings = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    if (concept == null && reference != null) {
      Medication medication = resolve(order, reference, bundled);
      if (medication == null) {
        skipped.add(source, "its medicationReference could not be resolved");
        return;
      }
      concept = medication.getCode();
      medication.getIngredient().stream()
          .filter(Medication.MedicationIngredientComponent::hasItemCodeableConcept)
          .forEach(ingredient -> add(ingredient.getItemCodeableConcept(), codings, texts));
    }
    if (concept == null) {
      skipped.add(source, "no medication is named");
      return;
    }
    add(concept, codings, texts);
    String name = displayName(concept, texts);
    for (DrugClass drugClass : codes.drugClasses(codings, texts)) {
      out.add(new org.nocturne.clinical.Medication(drugClass, name, source, started(order)));
    }
  }

  /** When the drug was prescribed or, for a statement, started; {@code null} when unsaid. */
  private static java.time.LocalDate started(Resource order) {
    if (order instanceof MedicationRequest request && request.hasAuthoredOnElement()) {
      return FhirDates.localDate(request.getAuthoredOnElement());
    }
    if (order instanceof MedicationStatement statement) {
      if (statement.hasEffectiveDateTimeType()) {
        return FhirDates.localDate(statement.getEffectiveDateTimeType());
      }
      if (statement.hasEffectivePeriod()) {
        return FhirDates.localDate(statement.getEffectivePeriod().getStartElement());
      }
    }
    return null;
  }

  private static Medication resolve(
      Resource order, Reference reference, Map<String, Medication> bundled) {
    String ref = reference.getReference();
    if (ref == null) {
      return null;
    }
    if (ref.startsWith("#") && order instanceof org.hl7.fhir.r4.model.DomainResource domain) {
      for (Resource contained : domain.getContained()) {
        if (contained instanceof Medication medication
            && ref.substring(1).equals(medication.getIdElement().getIdPart())) {
          return medication;
        }
      }
      return null;
    }
    int slash = ref.lastIndexOf("Medication/");
    return slash < 0 ? null : bundled.get(ref.substring(slash));
  }

  private static void add(CodeableConcept concept, List<Coding> codings, List<String> texts) {
    codings.addAll(concept.getCoding());
    if (concept.hasText()) {
      texts.add(concept.getText());
    }
    concept.getCoding().stream()
        .filter(Coding::hasDisplay)
        .forEach(coding -> texts.add(coding.getDisplay()));
  }

  private static String displayName(CodeableConcept concept, List<String> texts) {
    if (concept.hasText()) {
      return concept.getText();
    }
    return texts.isEmpty() ? "an unnamed medication" : texts.get(0);
  }
}
