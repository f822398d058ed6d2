package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.nocturne.app.ProfileValidator;

/**
 * The application's {@link ProfileValidator}, built once for all tests: the FHIR R4 core, every
 * resource of {@code fhir-profiles/}, and the offline terminology policy (see {@code
 * fhir-profiles/README.md}).
 */
public final class OfflineValidator {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  private OfflineValidator() {}

  public static synchronized FhirValidator get() {
    if (validator == null) {
      validator = ProfileValidator.build(FHIR);
    }
    return validator;
  }

  /** The error and fatal messages of validating a resource, as "location: message". */
  public static List<String> errors(IBaseResource resource) {
    return get().validateWithResult(resource).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }
}
