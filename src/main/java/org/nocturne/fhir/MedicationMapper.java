package org.nocturne.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Medication;

/**
 * Active medication orders (and active medication statements) to drug classes: by RxNorm code, then
 * by ingredient name. A {@code medicationReference} is resolved as {@link MedicationNaming} says:
 * contained, in the same Bundle (or fetched), else by its display.
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

  List<Medication> map(List<Resource> resources, Skipped skipped) {
    MedicationLookup lookup = new MedicationLookup(resources);
    List<Medication> out = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource instanceof MedicationRequest request
          && request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE) {
        classify(
            request,
            request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null,
            request.hasMedicationReference() ? request.getMedicationReference() : null,
            lookup,
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
            lookup,
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
      MedicationLookup lookup,
      List<Medication> out,
      Skipped skipped) {
    String source = References.of(order);
    if (concept == null && reference == null) {
      skipped.add(source, "no medication is named");
      return;
    }
    Optional<MedicationNaming.Named> named = MedicationNaming.of(order, concept, reference, lookup);
    if (named.isEmpty()) {
      skipped.add(
          source,
          concept == null
              ? "its medicationReference could not be resolved"
              : "no medication is named");
      return;
    }
    MedicationNaming.Named drug = named.get();
    String name = drug.name() == null ? "an unnamed medication" : drug.name();
    for (DrugClass drugClass : codes.drugClasses(drug.codings(), drug.texts())) {
      out.add(new Medication(drugClass, name, source, drug.byNameOnly(), started(order)));
    }
  }

  private static void add(CodeableConcept concept, List<Coding> codings, List<String> texts) {
    MedicationNaming.add(concept, codings, texts);
  }

  /** When the drug was prescribed or, for a statement, started; {@code null} when unsaid. */
  private static LocalDate started(Resource order) {
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
}
