package org.nocturne.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The parts of the record the service reads, as HAPI resources, per prefetch key. Each list holds
 * every resource the key returned (a search may add Medications or OperationOutcomes); the mappers
 * pick the types they read.
 *
 * @param notes what could not be read, in plain words ("only the first page of conditions")
 */
public record PatientRecord(
    Optional<Patient> patient,
    List<Resource> conditions,
    List<Resource> observations,
    List<Resource> medications,
    List<Resource> questionnaireResponses,
    List<String> unavailableData,
    List<String> notes) {
  public PatientRecord {
    conditions = List.copyOf(conditions);
    observations = List.copyOf(observations);
    medications = List.copyOf(medications);
    questionnaireResponses = List.copyOf(questionnaireResponses);
    unavailableData = List.copyOf(unavailableData);
    notes = List.copyOf(notes);
  }
}
