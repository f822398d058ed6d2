package org.nocturne.fhir;

import org.hl7.fhir.r4.model.Resource;

/** {@code ResourceType/id} of a resource, the provenance every fact carries. */
final class References {
  private References() {}

  static String of(Resource resource) {
    String id = resource.getIdElement().getIdPart();
    return resource.fhirType() + "/" + (id == null || id.isBlank() ? "(no id)" : id);
  }
}
