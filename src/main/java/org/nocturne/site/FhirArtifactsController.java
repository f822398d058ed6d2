package org.nocturne.site;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.regex.Pattern;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.OperationOutcome;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves Nocturne's own FHIR conformance resources read-only at {@code /fhir/{type}/{id}}, so the
 * canonical URLs in cards resolve: the Questionnaire, CodeSystems, ValueSets, StructureDefinitions.
 */
@RestController
class FhirArtifactsController {
  private static final Set<String> TYPES =
      Set.of("Questionnaire", "CodeSystem", "ValueSet", "StructureDefinition");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

  @GetMapping("/fhir/{type}/{id}")
  ResponseEntity<byte[]> read(@PathVariable String type, @PathVariable String id)
      throws IOException {
    if (!TYPES.contains(type) || !ID.matcher(id).matches()) {
      return notFound();
    }
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("fhir-profiles/" + type + "-" + id + ".json")) {
      if (in == null) {
        return notFound();
      }
      return ResponseEntity.ok().contentType(FHIR_JSON).body(in.readAllBytes());
    }
  }

  /** FHIR's own answer to a read of an unknown resource (RESTful API §read). */
  private static ResponseEntity<byte[]> notFound() {
    return ResponseEntity.status(404)
        .contentType(FHIR_JSON)
        .body(
            CdsJson.mapper()
                .writeValueAsBytes(OperationOutcome.error("not-found", "no such FHIR resource")));
  }
}
