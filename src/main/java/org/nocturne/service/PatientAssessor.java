package org.nocturne.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.nocturne.assessment.RecordAssessment;
import org.nocturne.cards.CardContext;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.clinical.Assessment;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.fhir.InvalidFhirDataException;
import org.nocturne.fhir.RecordReader;

/** The steps every service shares: the call's record assessed, and where its cards' links point. */
final class PatientAssessor {
  /** The facts and the assessment of one call, at one evaluation date. */
  record Assessed(PatientFacts facts, Assessment assessment, LocalDate today, CardContext cards) {}

  private final RecordAssessment assessment;
  private final Clock clock;
  private final Supplier<String> publicBaseUrl;
  private final AppLaunchUrl appLaunchUrl;

  PatientAssessor(
      RecordAssessment assessment,
      Clock clock,
      Supplier<String> publicBaseUrl,
      AppLaunchUrl appLaunchUrl) {
    this.assessment = assessment;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl;
    this.appLaunchUrl = appLaunchUrl;
  }

  Assessed assess(HookCall call) {
    String prefetched =
        call.prefetch().data(RecordReader.PATIENT).map(p -> p.path("id").asString("")).orElse("");
    if (!prefetched.isEmpty() && !prefetched.equals(call.patientId())) {
      // a record of another patient must not be read as this one's (hazard H5); ids not echoed
      throw CdsHooksException.preconditionFailed(
          "prefetch 'patient' is a different patient from context.patientId");
    }
    try {
      RecordAssessment.Assessed assessed = assessment.assess(call.prefetch(), clock.instant());
      CardContext cards =
          new CardContext(
              call.request().hookInstance(),
              call.patientId(),
              publicBaseUrl.get(),
              appLaunchUrl.get());
      return new Assessed(assessed.facts(), assessed.assessment(), assessed.today(), cards);
    } catch (InvalidFhirDataException e) {
      // only an unreadable patient stops the call: without it there is no assessment (2.0 §412)
      throw CdsHooksException.preconditionFailed(e.getMessage());
    }
  }
}
