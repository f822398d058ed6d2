package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Parses the JSON under each prefetch key into HAPI R4 resources: a single resource or a searchset
 * Bundle, whose entries are kept whatever their type (the mappers choose).
 */
public final class RecordReader {
  public static final String PATIENT = "patient";
  public static final String CONDITIONS = "conditions";
  public static final String OBSERVATIONS = "observations";
  public static final String MEDICATIONS = "medications";
  public static final String QUESTIONNAIRE_RESPONSE = "questionnaireResponse";

  private final FhirContext fhir;

  public RecordReader(FhirContext fhir) {
    this.fhir = fhir;
  }

  /**
   * @param json the resource or Bundle JSON under each key that has data
   * @param unavailable keys whose data could not be had
   */
  public PatientRecord read(Map<String, String> json, List<String> unavailable) {
    List<String> notes = new ArrayList<>();
    Optional<Patient> patient =
        Optional.ofNullable(json.get(PATIENT))
            .map(text -> parse(PATIENT, text))
            .filter(Patient.class::isInstance)
            .map(Patient.class::cast);
    return new PatientRecord(
        patient,
        resources(json, CONDITIONS, notes),
        resources(json, OBSERVATIONS, notes),
        resources(json, MEDICATIONS, notes),
        resources(json, QUESTIONNAIRE_RESPONSE, notes),
        unavailable,
        notes);
  }

  private List<Resource> resources(Map<String, String> json, String key, List<String> notes) {
    String text = json.get(key);
    if (text == null) {
      return List.of();
    }
    IBaseResource parsed = parse(key, text);
    if (!(parsed instanceof Bundle bundle)) {
      return parsed instanceof Resource resource ? List.of(resource) : List.of();
    }
    if (bundle.getLink(Bundle.LINK_NEXT) != null) {
      notes.add(key + ": only the first page was sent; later pages were not read");
    }
    List<Resource> out = new ArrayList<>(bundle.getEntry().size());
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.hasResource()) {
        out.add(entry.getResource());
      }
    }
    return out;
  }

  private IBaseResource parse(String key, String text) {
    try {
      return parser().parseResource(text);
    } catch (DataFormatException e) {
      throw new InvalidFhirDataException("prefetch '" + key + "' is not valid FHIR R4 JSON");
    }
  }

  /**
   * Parsers are cheap and not thread-safe; the lenient handler stays quiet so no value is logged.
   */
  private IParser parser() {
    return fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }
}
