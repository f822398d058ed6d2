package org.nocturne.app;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * HAPI's instance validator over the FHIR R4 core and every resource of {@code fhir-profiles/}: a
 * QuestionnaireResponse is checked against our profile and, through its {@code questionnaire}
 * canonical, against our Questionnaire's items (linkIds, answer types, required items once {@code
 * completed}). Offline: codes of systems it cannot check are warnings, never errors. Built once, on
 * first use (it takes seconds).
 */
final class ResponseValidator {
  static final String PROFILE =
      "http://nocturne-cds.org/fhir/StructureDefinition/nocturne-leg-pain-response";

  /** One validation message, located. */
  record Issue(String severity, String code, String message, String location, String linkId) {}

  private final FhirContext fhir;
  private final Supplier<FhirValidator> validator;

  ResponseValidator(FhirContext fhir) {
    this.fhir = fhir;
    this.validator = memoize(() -> ProfileValidator.build(fhir));
  }

  /**
   * Builds the validator and loads what it reads lazily (the FHIR core, our profile and
   * Questionnaire) by validating one small response, ahead of the first request and off its path.
   */
  void warmUp() {
    String sample =
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"in-progress\","
            + "\"questionnaire\":\"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain\","
            + "\"subject\":{\"reference\":\"Patient/warm-up\"},\"authored\":\"2026-01-01\"}";
    validate(sample, fhir.newJsonParser().parseResource(QuestionnaireResponse.class, sample));
  }

  /**
   * @param json the response as sent: the validator reads the JSON itself, so an unknown element is
   *     reported rather than silently dropped by a parser
   * @param response the same, parsed, to name the items that messages are about
   */
  List<Issue> validate(String json, QuestionnaireResponse response) {
    List<Issue> issues = new ArrayList<>();
    for (SingleValidationMessage message :
        validator
            .get()
            .validateWithResult(json, new ValidationOptions().addProfile(PROFILE))
            .getMessages()) {
      if (message.getSeverity() == ResultSeverityEnum.INFORMATION
          || message.getMessage().contains("Best Practice Recommendation")) {
        continue; // advice on resource authoring (narrative), nothing the answers can change
      }
      issues.add(
          new Issue(
              message.getSeverity() == ResultSeverityEnum.WARNING ? "warning" : "error",
              code(message),
              message.getMessage(),
              message.getLocationString(),
              LinkIds.at(response, message.getLocationString(), message.getMessage())));
    }
    return issues;
  }

  private static String code(SingleValidationMessage message) {
    if (message.getMessage().toLowerCase().contains("required item")) {
      return "required";
    }
    String id = message.getMessageId() == null ? "" : message.getMessageId();
    if (id.contains("REQUIRED") || id.contains("Required") || id.contains("MINIMUM")) {
      return "required";
    }
    if (id.contains("CODE") || id.contains("Code") || id.contains("VS_")) {
      return "code-invalid";
    }
    return "invalid";
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
