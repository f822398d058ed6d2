package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.ProposedOrder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code draftOrders} Bundle of an order-select or order-sign call, as orders the safety checks
 * read: medication orders by drug class, and service or device requests for compression.
 */
public final class DraftOrderReader {
  /**
   * Compression orders are rarely coded, so their words count too: "compression stockings 20-30
   * mmHg" typed as free text, in any kind of order, is compression.
   */
  private static final Pattern COMPRESSION =
      Pattern.compile(
          "(?i)compression|stocking|hosiery|bandag|\\bted hose|\\b\\d{2}\\s*(-|–|to)\\s*\\d{2}\\s*mm\\s*hg");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FhirContext fhir;
  private final CodeSets codes;

  public DraftOrderReader(FhirContext fhir, CodeSets codes) {
    this.fhir = fhir;
    this.codes = codes;
  }

  /**
   * @param draftOrders the Bundle JSON from the hook context
   * @param selections for order-select, the references of the selected orders; empty reads all
   */
  public List<ProposedOrder> read(String draftOrders, List<String> selections) {
    return read(draftOrders, selections, List.of());
  }

  /**
   * The same with the Medications fetched from the FHIR server as JSON; one that is not a valid
   * Medication is left out (the order is then read by its reference's display).
   */
  public List<ProposedOrder> readWithFetched(
      String draftOrders, List<String> selections, List<JsonNode> fetched) {
    List<Medication> medications = new ArrayList<>();
    for (JsonNode json : fetched) {
      try {
        if (fhir.newJsonParser()
                .setParserErrorHandler(new LenientErrorHandler(false))
                .parseResource(json.toString())
            instanceof Medication medication) {
          medications.add(medication);
        }
      } catch (DataFormatException e) {
        // left out: the reference's display still names the drug
      }
    }
    return read(draftOrders, selections, medications);
  }

  /**
   * @param draftOrders the Bundle JSON from the hook context
   * @param selections for order-select, the references of the selected orders; empty reads all
   * @param fetched Medications fetched from the FHIR server for references the Bundle left open
   */
  public List<ProposedOrder> read(
      String draftOrders, List<String> selections, List<Medication> fetched) {
    Bundle bundle = bundle(draftOrders);
    // Epic's 2024 draftOrders name the drug by reference to a Medication entry of the Bundle
    MedicationLookup lookup = new MedicationLookup(List.of());
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Medication medication) {
        lookup.add(medication, entry.getFullUrl());
      }
    }
    fetched.forEach(
        medication ->
            lookup.add(medication, (String) medication.getUserData(MedicationLookup.FULL_URL)));
    List<ProposedOrder> orders = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource != null) {
        FhirIds.clearIfInvalidEhrId(resource); // never a delete suggestion aimed at a mangled id
        InvalidValues.clear(fhir, resource);
      }
      if (resource == null
          || (!selections.isEmpty() && !selections.contains(References.of(resource)))) {
        continue;
      }
      if (resource instanceof MedicationRequest medication) {
        orders.add(medicationOrder(medication, lookup));
      } else if (resource instanceof ServiceRequest service) {
        orders.add(otherOrder(service, service.getCode(), service.getReasonCode()));
      } else if (resource instanceof DeviceRequest device && device.hasCodeCodeableConcept()) {
        orders.add(otherOrder(device, device.getCodeCodeableConcept(), device.getReasonCode()));
      }
    }
    return orders;
  }

  /**
   * The Bundle; when one entry is malformed, the Bundle of the others, each parsed on its own: a
   * bad draft costs itself, never the safety checks of the others.
   */
  private Bundle bundle(String draftOrders) {
    try {
      return parser().parseResource(Bundle.class, draftOrders);
    } catch (DataFormatException | ClassCastException e) {
      // read entry by entry below
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(draftOrders); // the request's own, already bounded, written back
    } catch (JacksonException e) {
      throw new InvalidFhirDataException("context.draftOrders is not a valid FHIR R4 Bundle");
    }
    if (!tree.isObject()
        || !"Bundle".equals(tree.path("resourceType").asString(""))
        || !(tree.path("entry").isArray() || tree.path("entry").isMissingNode())) {
      throw new InvalidFhirDataException("context.draftOrders is not a valid FHIR R4 Bundle");
    }
    Bundle bundle = new Bundle();
    for (JsonNode entry : tree.path("entry")) {
      JsonNode resource = entry.path("resource");
      if (!resource.isObject()) {
        continue;
      }
      try {
        if (parser().parseResource(resource.toString()) instanceof Resource parsed) {
          Bundle.BundleEntryComponent kept = bundle.addEntry().setResource(parsed);
          if (entry.path("fullUrl").isString()) {
            kept.setFullUrl(entry.path("fullUrl").asString());
          }
        }
      } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
        // this draft is left out
      }
    }
    return bundle;
  }

  private IParser parser() {
    return fhir.newJsonParser()
        .setParserErrorHandler(new LenientErrorHandler(false))
        // an order keeps its own id: a urn:uuid fullUrl is no id to delete it by
        .setOverrideResourceIdWithBundleEntryFullUrl(false);
  }

  private ProposedOrder medicationOrder(MedicationRequest request, MedicationLookup lookup) {
    Optional<MedicationNaming.Named> named =
        MedicationNaming.of(
            request,
            request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null,
            request.hasMedicationReference() ? request.getMedicationReference() : null,
            lookup);
    if (named.isEmpty()) {
      return new ProposedOrder(
          References.of(request),
          "a medication",
          Set.of(),
          false,
          reasons(request.getReasonCode()));
    }
    MedicationNaming.Named drug = named.get();
    CodeableConcept coded = new CodeableConcept();
    drug.codings().forEach(coded::addCoding);
    String text = String.join(" ", drug.texts()).trim();
    Set<DrugClass> classes = codes.drugClasses(drug.codings(), List.of(text));
    String name = drug.name() != null ? drug.name() : text.isEmpty() ? "a medication" : text;
    return new ProposedOrder(
        References.of(request),
        name,
        classes,
        compression(coded, text),
        reasons(request.getReasonCode()),
        drug.byNameOnly() && !classes.isEmpty());
  }

  private ProposedOrder otherOrder(
      Resource order, CodeableConcept code, List<CodeableConcept> reasonCodes) {
    String text = Concepts.words(code).trim();
    String name = code.hasText() ? code.getText() : text.isEmpty() ? "an order" : text;
    return new ProposedOrder(
        References.of(order), name, Set.of(), compression(code, text), reasons(reasonCodes));
  }

  private boolean compression(CodeableConcept code, String words) {
    return codes.isCompression(code) || COMPRESSION.matcher(words).find();
  }

  private Set<Disorder> reasons(List<CodeableConcept> reasonCodes) {
    Set<Disorder> reasons = EnumSet.noneOf(Disorder.class);
    reasonCodes.forEach(reason -> reasons.addAll(codes.disorders(reason)));
    return reasons;
  }
}
