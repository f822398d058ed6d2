package org.nocturne.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the synthetic patients of {@code classpath:demo/*.json} (one collection Bundle per patient)
 * into the demo FHIR server. The files are written as of {@link #WRITTEN_ON}; every date in them
 * except birth dates moves by the days from then to today, so a questionnaire answered "6 days ago"
 * stays 6 days old and the demo patients keep a current complaint whenever the demo runs.
 */
final class DemoData {
  static final LocalDate WRITTEN_ON = LocalDate.of(2026, 11, 26);
  static final String LOCATION = "classpath:demo/*.json";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final FhirContext fhir;
  private final Clock clock;

  DemoData(FhirContext fhir, Clock clock) {
    this.fhir = fhir;
    this.clock = clock;
  }

  /** Loads every file; a file that cannot be read is logged and skipped, never fatal. */
  int loadInto(DemoFhirServer server) {
    long days = ChronoUnit.DAYS.between(WRITTEN_ON, LocalDate.now(clock));
    IParser parser = fhir.newJsonParser();
    int patients = 0;
    for (org.springframework.core.io.Resource file : files()) {
      try (InputStream in = file.getInputStream()) {
        Bundle bundle =
            parser.parseResource(
                Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
          Resource resource = entry.getResource();
          if (resource == null || !server.holds(resource)) {
            log.warn(
                "Demo file {}: skipped an entry the demo server does not hold", file.getFilename());
            continue;
          }
          shift(resource, days);
          server.store(resource);
          if (resource instanceof Patient) {
            patients++;
          }
        }
      } catch (IOException | DataFormatException e) {
        log.warn("Demo file {} skipped: {}", file.getFilename(), e.getMessage());
      }
    }
    server.store(clinician());
    log.info("Demo EHR: {} synthetic patients loaded, dates moved by {} days", patients, days);
    return patients;
  }

  /** The chart's signed-in user, the {@code fhirUser} of the app's id_token. */
  static Practitioner clinician() {
    Practitioner clinician = new Practitioner();
    clinician.setId("demo-physician");
    clinician.addName().setFamily("Demo").addGiven("Dana").addPrefix("Dr");
    return clinician;
  }

  /** Moves every date and date-time of the resource by {@code days}, except a birth date. */
  void shift(Resource resource, long days) {
    BaseDateTimeType birthDate =
        resource instanceof Patient patient ? patient.getBirthDateElement() : null;
    for (BaseDateTimeType date :
        fhir.newTerser().getAllPopulatedChildElementsOfType(resource, BaseDateTimeType.class)) {
      if (date != birthDate && date.getValue() != null) {
        date.add(Calendar.DATE, Math.toIntExact(days));
      }
    }
  }

  private static List<org.springframework.core.io.Resource> files() {
    try {
      return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(LOCATION))
          .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
          .toList();
    } catch (IOException e) {
      log.warn("Demo data not found at {}: {}", LOCATION, e.getMessage());
      return List.of();
    }
  }
}
