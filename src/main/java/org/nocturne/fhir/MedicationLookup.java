package org.nocturne.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Medications a {@code medicationReference} may point to: contained in the order, or entries
 * beside it (the prefetched search, the {@code draftOrders} Bundle, or Medications fetched from the
 * FHIR server). EHRs write the reference in every form FHIR allows: {@code #id}, {@code
 * Medication/id}, an absolute URL (Epic's prefetch), a version ({@code _history}), or the entry's
 * {@code fullUrl} ({@code urn:uuid:…}); each is matched here, by fullUrl first.
 */
final class MedicationLookup {
  /** The user-data key under which the reader keeps an entry's {@code fullUrl}. */
  static final String FULL_URL = "nocturne.fullUrl";

  private final Map<String, Medication> byFullUrl = new HashMap<>();
  private final Map<String, Medication> byId = new HashMap<>();

  MedicationLookup(List<Resource> resources) {
    for (Resource resource : resources) {
      if (resource instanceof Medication medication) {
        add(medication, (String) medication.getUserData(FULL_URL));
      }
    }
  }

  void add(Medication medication, String fullUrl) {
    if (fullUrl != null && !fullUrl.isBlank()) {
      byFullUrl.put(fullUrl, medication);
      String id = typedId(fullUrl);
      if (id != null) {
        byId.putIfAbsent(id, medication);
      }
    }
    if (medication.hasIdElement() && medication.getIdElement().getIdPart() != null) {
      byId.put("Medication/" + medication.getIdElement().getIdPart(), medication);
    }
  }

  Optional<Medication> find(Resource order, Reference reference) {
    String ref = reference.getReference();
    if (ref == null || ref.isBlank()) {
      return Optional.empty();
    }
    if (ref.startsWith("#")) {
      if (order instanceof DomainResource domain) {
        for (Resource contained : domain.getContained()) {
          if (contained instanceof Medication medication
              && ref.substring(1).equals(medication.getIdElement().getIdPart())) {
            return Optional.of(medication);
          }
        }
      }
      return Optional.empty();
    }
    Medication byUrl = byFullUrl.get(ref);
    if (byUrl != null) {
      return Optional.of(byUrl);
    }
    String id = typedId(ref);
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  /**
   * {@code Medication/id} of a relative or absolute reference, without its version; {@code null}
   * when it names no Medication.
   */
  static String typedId(String ref) {
    String path = ref;
    int history = path.indexOf("/_history/");
    if (history >= 0) {
      path = path.substring(0, history);
    }
    int at = path.lastIndexOf("Medication/");
    if (at < 0 || (at > 0 && path.charAt(at - 1) != '/')) {
      return null;
    }
    String id = path.substring(at + "Medication/".length());
    return FhirIds.validEhrId(id) ? "Medication/" + id : null;
  }
}
