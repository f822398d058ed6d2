package org.nocturne.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** The parts of the record the service reads, as HAPI resources. */
public record PatientRecord(
    Optional<Patient> patient,
    List<Condition> conditions,
    List<Observation> observations,
    List<MedicationRequest> medications,
    List<QuestionnaireResponse> questionnaireResponses,
    List<String> unavailableData) {
  public PatientRecord {
    conditions = List.copyOf(conditions);
    observations = List.copyOf(observations);
    medications = List.copyOf(medications);
    questionnaireResponses = List.copyOf(questionnaireResponses);
    unavailableData = List.copyOf(unavailableData);
  }
}
