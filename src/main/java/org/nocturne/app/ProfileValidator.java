package org.nocturne.app;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * HAPI's instance validator over the FHIR R4 core and every resource of {@code fhir-profiles/} (as
 * shipped on the classpath), with the offline terminology policy of {@code
 * fhir-profiles/README.md}: codes of systems it cannot check are warnings, never errors; a
 * QuestionnaireResponse is checked against our Questionnaire's items through its {@code
 * questionnaire} canonical. Building one takes seconds (HAPI loads the R4 core): build it once and
 * keep it.
 */
public final class ProfileValidator {
  private ProfileValidator() {}

  /** A new validator; thread-safe once built. */
  public static FhirValidator build(FhirContext fhir) {
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(fhir);
    List<Questionnaire> questionnaires = new ArrayList<>();
    try {
      for (Resource file :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:fhir-profiles/*.json")) {
        try (InputStream in = file.getInputStream()) {
          IBaseResource resource =
              fhir.newJsonParser()
                  .parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          switch (resource.fhirType()) {
            case "StructureDefinition" -> ours.addStructureDefinition(resource);
            case "CodeSystem" -> ours.addCodeSystem(resource);
            case "ValueSet" -> ours.addValueSet(resource);
            case "Questionnaire" -> questionnaires.add((Questionnaire) resource);
            default -> {}
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    UnknownCodeSystemWarningValidationSupport offline =
        new UnknownCodeSystemWarningValidationSupport(fhir);
    offline.setNonExistentCodeSystemSeverity(
        UnknownCodeSystemWarningValidationSupport.DEFAULT_SEVERITY);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(fhir),
            ours,
            new Questionnaires(fhir, questionnaires),
            new SnapshotGeneratingValidationSupport(fhir),
            new CommonCodeSystemsTerminologyService(fhir),
            new InMemoryTerminologyServerValidationSupport(fhir),
            offline);
    return fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  /** Resolves our Questionnaire by canonical URL (with or without a version). */
  private record Questionnaires(FhirContext fhir, List<Questionnaire> questionnaires)
      implements IValidationSupport {
    @Override
    public FhirContext getFhirContext() {
      return fhir;
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
