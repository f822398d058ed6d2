package org.nocturne.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.fhir.InvalidFhirDataException;
import org.nocturne.fhir.PatientRecord;
import org.nocturne.fhir.RecordReader;

/** The first step of every service: the resolved prefetch as a {@link PatientRecord}. */
final class RecordLoader {
  private final RecordReader reader;

  RecordLoader(RecordReader reader) {
    this.reader = reader;
  }

  PatientRecord load(HookCall call) {
    Map<String, String> json = new LinkedHashMap<>();
    call.prefetch()
        .values()
        .keySet()
        .forEach(
            key -> call.prefetch().data(key).ifPresent(data -> json.put(key, data.toString())));
    try {
      return reader.read(json, call.prefetch().missingKeys());
    } catch (InvalidFhirDataException e) {
      throw CdsHooksException.badRequest(e.getMessage());
    }
  }
}
