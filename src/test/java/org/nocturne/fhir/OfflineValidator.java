package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * HAPI's instance validator, set up once for tests: the FHIR R4 core, every resource of {@code
 * fhir-profiles/}, and the offline terminology policy (see {@code fhir-profiles/README.md}): codes
 * of SNOMED CT, ICD-10-CM, LOINC and RxNorm that cannot be checked are warnings, never errors.
 */
public final class OfflineValidator {
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  private OfflineValidator() {}

  public static synchronized FhirValidator get() {
    if (validator == null) {
      validator = build();
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

  private static FhirValidator build() {
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(FHIR);
    List<Questionnaire> questionnaires = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("fhir-profiles"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        IBaseResource resource = FHIR.newJsonParser().parseResource(Files.readString(file));
        switch (resource.fhirType()) {
          case "StructureDefinition" -> ours.addStructureDefinition(resource);
          case "CodeSystem" -> ours.addCodeSystem(resource);
          case "ValueSet" -> ours.addValueSet(resource);
          case "Questionnaire" -> questionnaires.add((Questionnaire) resource);
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    UnknownCodeSystemWarningValidationSupport offline =
        new UnknownCodeSystemWarningValidationSupport(FHIR);
    offline.setNonExistentCodeSystemSeverity(
        UnknownCodeSystemWarningValidationSupport.DEFAULT_SEVERITY);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FHIR),
            ours,
            new QuestionnaireSupport(questionnaires),
            new SnapshotGeneratingValidationSupport(FHIR),
            new CommonCodeSystemsTerminologyService(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            offline);
    return FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  /** Resolves our Questionnaire by canonical URL, so responses are checked against its items. */
  private record QuestionnaireSupport(List<Questionnaire> questionnaires)
      implements IValidationSupport {
    @Override
    public FhirContext getFhirContext() {
      return FHIR;
    }

    @Override
    public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
      String canonical = url == null ? "" : url.split("\\|")[0];
      for (Questionnaire questionnaire : questionnaires) {
        if (canonical.equals(questionnaire.getUrl())
            && type != null
            && type.isInstance(questionnaire)) {
          return type.cast(questionnaire);
        }
      }
      return null;
    }
  }
}
