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
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

/**
 * Parses the JSON under each prefetch key into HAPI R4 resources. Entries of another type than the
 * key asks for are left out (a search may include OperationOutcomes or included resources).
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
    return new PatientRecord(
        Optional.ofNullable(json.get(PATIENT)).map(text -> parse(PATIENT, text, Patient.class)),
        entries(json, CONDITIONS, Condition.class),
        entries(json, OBSERVATIONS, Observation.class),
        entries(json, MEDICATIONS, MedicationRequest.class),
        entries(json, QUESTIONNAIRE_RESPONSE, QuestionnaireResponse.class),
        unavailable);
  }

  private <T extends Resource> List<T> entries(
      Map<String, String> json, String key, Class<T> type) {
    String text = json.get(key);
    if (text == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : parse(key, text, Bundle.class).getEntry()) {
      if (type.isInstance(entry.getResource())) {
        out.add(type.cast(entry.getResource()));
      }
    }
    return out;
  }

  private <T extends IBaseResource> T parse(String key, String text, Class<T> type) {
    try {
      return parser().parseResource(type, text);
    } catch (DataFormatException | ClassCastException e) {
      throw new InvalidFhirDataException(
          "prefetch '" + key + "' is not a valid FHIR R4 " + type.getSimpleName());
    }
  }

  /**
   * Parsers are cheap and not thread-safe; the lenient handler stays quiet so no value is logged.
   */
  private IParser parser() {
    return fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
  }
}
