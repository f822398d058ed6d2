package org.nocturne.service;

import java.util.Map;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cards.NotRead;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.CdsService;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.cdshooks.PrefetchFailureMode;
import org.nocturne.fhir.RecordReader;

/** {@code nocturnal-leg-pain} (patient-view): record → facts → assessment → cards. */
final class NocturnalLegPainService implements CdsService {
  static final String ID = "nocturnal-leg-pain";

  private final PatientAssessor assessor;
  private final CardRenderer cards;

  NocturnalLegPainService(PatientAssessor assessor, CardRenderer cards) {
    this.assessor = assessor;
    this.cards = cards;
  }

  @Override
  public String id() {
    return ID;
  }

  /** Age and sex are part of every conclusion: without the patient there is no assessment. */
  @Override
  public Map<String, PrefetchFailureMode> failureModes() {
    return Map.of(RecordReader.PATIENT, PrefetchFailureMode.FAIL);
  }

  @Override
  public CdsResponse call(HookCall call) {
    PatientAssessor.Assessed assessed = assessor.assess(call);
    return CdsResponse.of(
        cards.patientView(
            assessed.assessment(),
            assessed.cards(),
            new NotRead(call.prefetch().missing(), call.prefetch().anyFailed())));
  }
}
