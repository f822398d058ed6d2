package org.nocturne.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.nocturne.clinical.facts.Diagnosis;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.Interpretation;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.Side;

/**
 * Observations to measurements: final, amended or corrected results only; the concept by code (or,
 * for the ankle and toe indices, which have no verified LOINC code, by text); the value in its
 * canonical unit; each leg from {@code bodySite} or from left and right components. Pregnancy and
 * smoking status become diagnoses.
 */
final class ObservationMapper {
  private static final Set<String> RESULT_STATUSES = Set.of("final", "amended", "corrected");
  private static final Pattern TOE_INDEX = Pattern.compile("(?i)toe.?brachial|\\bTBI\\b");
  private static final Pattern ANKLE_INDEX =
      Pattern.compile("(?i)ankle.?brachial|\\bABPI\\b|\\bABI\\b");
  private static final Pattern LEFT = Pattern.compile("(?i)\\bleft\\b");
  private static final Pattern RIGHT = Pattern.compile("(?i)\\bright\\b");
  private static final String SNOMED_LEFT = "7771000";
  private static final String SNOMED_RIGHT = "24028007";
  private static final String SNOMED_PREGNANT = "77386006";
  private static final String LOINC = "http://loinc.org";
  private static final String SMOKING_STATUS = "72166-2";

  private final CodeSets codes;

  ObservationMapper(CodeSets codes) {
    this.codes = codes;
  }

  /** The measurements, and pregnancy when a pregnancy-status observation says so. */
  record Result(List<Measurement> measurements, List<Diagnosis> diagnoses) {}

  /** Whether an observation with this code can become a measurement or a diagnosis. */
  boolean reads(CodeableConcept code) {
    return codes.isPregnancyStatus(code) || isSmokingStatus(code) || measure(code).isPresent();
  }

  Result map(List<Resource> resources, Skipped skipped) {
    List<Measurement> measurements = new ArrayList<>();
    List<Diagnosis> diagnoses = new ArrayList<>();
    for (Resource resource : resources) {
      if (resource instanceof Observation observation
          && RESULT_STATUSES.contains(status(observation))) {
        if (codes.isPregnancyStatus(observation.getCode())) {
          pregnancy(observation).ifPresent(diagnoses::add);
        } else if (isSmokingStatus(observation.getCode())) {
          smoker(observation).ifPresent(diagnoses::add);
        } else {
          map(observation, measurements, skipped);
        }
      }
    }
    return new Result(measurements, diagnoses);
  }

  private void map(Observation observation, List<Measurement> out, Skipped skipped) {
    Optional<Measure> measure = measure(observation.getCode());
    if (measure.isEmpty()) {
      return;
    }
    String reference = References.of(observation);
    LocalDate date = date(observation);
    Side side = side(observation.getBodySite());
    if (observation.hasValueQuantity()) {
      measurement(
              measure.get(),
              observation.getValueQuantity(),
              side,
              date,
              reference,
              interpretation(observation),
              skipped)
          .ifPresent(out::add);
    }
    for (Observation.ObservationComponentComponent component : observation.getComponent()) {
      if (!component.hasValueQuantity()) {
        continue;
      }
      Measure componentMeasure = measure(component.getCode()).orElse(measure.get());
      Side componentSide = side(component.getCode());
      measurement(
              componentMeasure,
              component.getValueQuantity(),
              componentSide == Side.UNSPECIFIED ? side : componentSide,
              date,
              reference,
              Interpretation.UNKNOWN,
              skipped)
          .ifPresent(out::add);
    }
    if (!observation.hasValueQuantity() && !observation.hasComponent()) {
      skipped.add(reference, "no numeric value");
    }
  }

  private Optional<Measure> measure(CodeableConcept code) {
    Optional<Measure> coded = codes.measure(code);
    if (coded.isPresent()) {
      return coded;
    }
    String text = Concepts.words(code);
    if (TOE_INDEX.matcher(text).find()) {
      return Optional.of(Measure.TOE_BRACHIAL_INDEX);
    }
    return ANKLE_INDEX.matcher(text).find()
        ? Optional.of(Measure.ANKLE_BRACHIAL_INDEX)
        : Optional.empty();
  }

  private static Optional<Measurement> measurement(
      Measure measure,
      Quantity quantity,
      Side side,
      LocalDate date,
      String reference,
      Interpretation interpretation,
      Skipped skipped) {
    if (!quantity.hasValue()) {
      skipped.add(reference, "no numeric value");
      return Optional.empty();
    }
    String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
    Optional<Double> value = Units.toCanonical(measure, quantity.getValue().doubleValue(), unit);
    if (value.isEmpty()) {
      skipped.add(
          reference,
          "unit '" + (unit == null ? "" : unit) + "' cannot be converted to " + measure.unit());
      return Optional.empty();
    }
    return Optional.of(
        new Measurement(measure, value.get(), side, date, reference, interpretation));
  }

  private static Optional<Diagnosis> pregnancy(Observation observation) {
    boolean pregnant =
        observation.hasValueCodeableConcept()
            && observation.getValueCodeableConcept().getCoding().stream()
                .anyMatch(c -> SNOMED_PREGNANT.equals(c.getCode()));
    return pregnant
        ? Optional.of(
            new Diagnosis(Disorder.PREGNANCY, date(observation), false, References.of(observation)))
        : Optional.empty();
  }

  /** LOINC 72166-2 Tobacco smoking status: its answer says whether the patient smokes now. */
  private static boolean isSmokingStatus(CodeableConcept code) {
    return code.getCoding().stream()
        .anyMatch(c -> LOINC.equals(c.getSystem()) && SMOKING_STATUS.equals(c.getCode()));
  }

  private Optional<Diagnosis> smoker(Observation observation) {
    boolean smokes =
        observation.hasValueCodeableConcept()
            && codes
                .disorders(observation.getValueCodeableConcept())
                .contains(Disorder.CURRENT_SMOKER);
    return smokes
        ? Optional.of(
            new Diagnosis(
                Disorder.CURRENT_SMOKER, date(observation), false, References.of(observation)))
        : Optional.empty();
  }

  /** The leg a body site (or a concept's words) names: left, right, or neither (both, unstated). */
  static Side side(CodeableConcept site) {
    if (site == null) {
      return Side.UNSPECIFIED;
    }
    for (Coding coding : site.getCoding()) {
      if (SNOMED_LEFT.equals(coding.getCode())) {
        return Side.LEFT;
      }
      if (SNOMED_RIGHT.equals(coding.getCode())) {
        return Side.RIGHT;
      }
    }
    String text = Concepts.words(site);
    boolean left = LEFT.matcher(text).find();
    boolean right = RIGHT.matcher(text).find();
    return left == right ? Side.UNSPECIFIED : left ? Side.LEFT : Side.RIGHT;
  }

  /** The lab's flag, else its reference range, else unknown. */
  private static Interpretation interpretation(Observation observation) {
    for (CodeableConcept concept : observation.getInterpretation()) {
      String code = Concepts.firstCode(concept).toUpperCase(Locale.ROOT);
      switch (code) {
        case "L", "LL", "LU", "<" -> {
          return Interpretation.LOW;
        }
        case "H", "HH", "HU", ">" -> {
          return Interpretation.HIGH;
        }
        case "N" -> {
          return Interpretation.NORMAL;
        }
        default -> {}
      }
    }
    if (!observation.hasReferenceRange()
        || !observation.hasValueQuantity()
        || !observation.getValueQuantity().hasValue()) {
      return Interpretation.UNKNOWN;
    }
    Observation.ObservationReferenceRangeComponent range = observation.getReferenceRangeFirstRep();
    double value = observation.getValueQuantity().getValue().doubleValue();
    if (range.hasLow()
        && range.getLow().hasValue()
        && value < range.getLow().getValue().doubleValue()) {
      return Interpretation.LOW;
    }
    if (range.hasHigh()
        && range.getHigh().hasValue()
        && value > range.getHigh().getValue().doubleValue()) {
      return Interpretation.HIGH;
    }
    return range.hasLow() || range.hasHigh() ? Interpretation.NORMAL : Interpretation.UNKNOWN;
  }

  private static LocalDate date(Observation observation) {
    if (observation.hasEffectiveDateTimeType()) {
      return FhirDates.localDate(observation.getEffectiveDateTimeType());
    }
    if (observation.hasEffectivePeriod()) {
      return FhirDates.localDate(observation.getEffectivePeriod().getStartElement());
    }
    if (observation.hasEffectiveInstantType()) {
      return FhirDates.localDate(observation.getEffectiveInstantType());
    }
    return observation.hasIssued() ? FhirDates.localDate(observation.getIssuedElement()) : null;
  }

  private static String status(Observation observation) {
    return observation.hasStatus() ? observation.getStatus().toCode() : "";
  }
}
