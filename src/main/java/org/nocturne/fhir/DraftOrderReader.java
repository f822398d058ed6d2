package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DeviceRequest;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.nocturne.clinical.Disorder;
import org.nocturne.clinical.DrugClass;
import org.nocturne.clinical.ProposedOrder;
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
    List<ProposedOrder> orders = new ArrayList<>();
    for (Resource resource : resources(draftOrders)) {
      if (resource != null) {
        FhirIds.clearIfInvalid(resource); // never a delete suggestion aimed at a mangled id
        InvalidValues.clear(fhir, resource);
      }
      if (resource == null
          || (!selections.isEmpty() && !selections.contains(References.of(resource)))) {
        continue;
      }
      if (resource instanceof MedicationRequest medication) {
        orders.add(medicationOrder(medication));
      } else if (resource instanceof ServiceRequest service) {
        orders.add(otherOrder(service, service.getCode(), service.getReasonCode()));
      } else if (resource instanceof DeviceRequest device && device.hasCodeCodeableConcept()) {
        orders.add(otherOrder(device, device.getCodeCodeableConcept(), device.getReasonCode()));
      }
    }
    return orders;
  }

  /**
   * The Bundle's resources; when one entry is malformed, the others, each parsed on its own: a bad
   * draft costs itself, never the safety checks of the others.
   */
  private List<Resource> resources(String draftOrders) {
    try {
      Bundle bundle =
          fhir.newJsonParser()
              .setParserErrorHandler(new LenientErrorHandler(false))
              .parseResource(Bundle.class, draftOrders);
      return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
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
    List<Resource> resources = new ArrayList<>();
    for (JsonNode entry : tree.path("entry")) {
      JsonNode resource = entry.path("resource");
      if (!resource.isObject()) {
        continue;
      }
      try {
        if (fhir.newJsonParser()
                .setParserErrorHandler(new LenientErrorHandler(false))
                .parseResource(resource.toString())
            instanceof Resource parsed) {
          resources.add(parsed);
        }
      } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
        // this draft is left out
      }
    }
    return resources;
  }

  private ProposedOrder medicationOrder(MedicationRequest request) {
    CodeableConcept medication =
        request.hasMedicationCodeableConcept()
            ? request.getMedicationCodeableConcept()
            : new CodeableConcept();
    String text = Concepts.words(medication).trim();
    Set<DrugClass> classes = codes.drugClasses(medication.getCoding(), List.of(text));
    String name =
        medication.hasText() ? medication.getText() : text.isEmpty() ? "a medication" : text;
    return new ProposedOrder(
        References.of(request),
        name,
        classes,
        compression(medication, text),
        reasons(request.getReasonCode()));
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
