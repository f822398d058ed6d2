package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code fhir-profiles/} validates with HAPI's instance validator: zero errors.
 *
 * <p>Terminology policy: SNOMED CT, ICD-10-CM, LOINC and RxNorm cannot be reached offline. The
 * validator is told so ({@link UnknownCodeSystemWarningValidationSupport} at WARNING), so a code
 * from those systems that it cannot check is a warning, printed here, never an error; every other
 * problem, including a code of our own code systems that does not exist, is an error.
 */
class FhirProfilesValidationTest {
  private static final Path PROFILES = Path.of("fhir-profiles");
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  @BeforeAll
  static void buildValidator() {
    validator = OfflineValidator.get();
  }

  static Stream<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(PROFILES)) {
      return walk.filter(path -> path.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  static IBaseResource parse(Path file) throws IOException {
    return FHIR.newJsonParser().parseResource(Files.readString(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void validatesWithoutErrors(Path file) throws IOException {
    var result = validator.validateWithResult(parse(file));

    List<SingleValidationMessage> errors =
        result.getMessages().stream()
            .filter(
                m ->
                    m.getSeverity() == ResultSeverityEnum.ERROR
                        || m.getSeverity() == ResultSeverityEnum.FATAL)
            .toList();
    result.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
        .forEach(
            m ->
                System.out.println(
                    "[validator warning] "
                        + file.getFileName()
                        + " "
                        + m.getLocationString()
                        + ": "
                        + m.getMessage()));
    assertThat(errors).extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
  }

  @Test
  void anAbiThatBreaksItsProfileIsAnError() throws IOException {
    var abi = (Observation) parse(PROFILES.resolve("examples/Observation-abi-left-example.json"));
    abi.getCode().getCodingFirstRep().setCode("12345-6").setSystem("http://loinc.org");
    abi.setValue(new StringType("low"));

    var errors =
        validator.validateWithResult(abi).getMessages().stream()
            .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR)
            .toList();

    assertThat(errors).isNotEmpty();
  }

  @Test
  void aResponseWithAnAnswerCodeTheQuestionnaireDoesNotOfferIsAnError() throws IOException {
    var response =
        (QuestionnaireResponse)
            parse(PROFILES.resolve("examples/QuestionnaireResponse-example.json"));
    response
        .getItemFirstRep()
        .getItemFirstRep()
        .getAnswerFirstRep()
        .getValueCoding()
        .setCode("last-tuesday");

    var errors =
        validator.validateWithResult(response).getMessages().stream()
            .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR)
            .toList();

    assertThat(errors).isNotEmpty();
  }

  @Test
  void aResponseMayNameTheQuestionnaireWithOrWithoutItsVersion() throws IOException {
    var response =
        (QuestionnaireResponse)
            parse(PROFILES.resolve("examples/QuestionnaireResponse-example.json"));

    assertThat(response.getQuestionnaire()).endsWith("|1.1.0");
    assertThat(OfflineValidator.errors(response)).isEmpty();
    response.setQuestionnaire("http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain");
    assertThat(OfflineValidator.errors(response)).isEmpty();
  }

  @Test
  void aResponseToAnotherQuestionnaireBreaksTheProfile() throws IOException {
    var response =
        (QuestionnaireResponse)
            parse(PROFILES.resolve("examples/QuestionnaireResponse-example.json"));
    response.setQuestionnaire(
        "http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain-x|1.0");

    assertThat(OfflineValidator.errors(response)).anyMatch(error -> error.contains("nlp-1"));
  }
}
