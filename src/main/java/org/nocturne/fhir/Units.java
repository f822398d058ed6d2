package org.nocturne.fhir;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nocturne.clinical.facts.Measure;

/**
 * Converts a lab value into the canonical unit of its measure (UCUM code first, else the printed
 * unit). An unknown unit is not guessed: the value is left out and the reason recorded.
 */
final class Units {
  /** Per measure: accepted unit spelling (normalized) to the factor into the canonical unit. */
  private static final Map<Measure, Map<String, Double>> FACTORS =
      Map.ofEntries(
          Map.entry(Measure.ANKLE_BRACHIAL_INDEX, ratio()),
          Map.entry(Measure.TOE_BRACHIAL_INDEX, ratio()),
          Map.entry(Measure.ANKLE_PRESSURE, Map.of("mm[hg]", 1.0, "mmhg", 1.0)),
          Map.entry(Measure.TOE_PRESSURE, Map.of("mm[hg]", 1.0, "mmhg", 1.0)),
          Map.entry(Measure.FERRITIN, Map.of("ng/ml", 1.0, "ug/l", 1.0, "mcg/l", 1.0)),
          Map.entry(Measure.TRANSFERRIN_SATURATION, Map.of("%", 1.0)),
          Map.entry(
              Measure.EGFR,
              Map.of(
                  "ml/min/{1.73_m2}",
                  1.0,
                  "ml/min/1.73m2",
                  1.0,
                  "ml/min/1.73.m2",
                  1.0,
                  "ml/min/{1.73m2}",
                  1.0,
                  "ml/min",
                  1.0)),
          Map.entry(Measure.POTASSIUM, Map.of("mmol/l", 1.0, "meq/l", 1.0)),
          // 1 mmol/L magnesium = 2.431 mg/dL (24.305 g/mol); 1 mEq/L = 0.5 mmol/L
          Map.entry(Measure.MAGNESIUM, Map.of("mg/dl", 1.0, "mmol/l", 2.431, "meq/l", 1.2155)),
          // 1 mmol/L calcium = 4.008 mg/dL (40.078 g/mol)
          Map.entry(Measure.CALCIUM, Map.of("mg/dl", 1.0, "mmol/l", 4.008)),
          // 1 pmol/L cobalamin = 1.355 pg/mL (1355.4 g/mol)
          Map.entry(Measure.VITAMIN_B12, Map.of("pg/ml", 1.0, "ng/l", 1.0, "pmol/l", 1.355)),
          Map.entry(
              Measure.TSH,
              Map.of("m[iu]/l", 1.0, "miu/l", 1.0, "u[iu]/ml", 1.0, "uiu/ml", 1.0, "mu/l", 1.0)),
          Map.entry(Measure.BODY_TEMPERATURE, Map.of("cel", 1.0, "°c", 1.0, "c", 1.0)),
          Map.entry(Measure.C_REACTIVE_PROTEIN, Map.of("mg/l", 1.0, "mg/dl", 10.0, "ug/ml", 1.0)),
          // 1 µkat/L = 60 U/L
          Map.entry(
              Measure.CREATINE_KINASE,
              Map.of("u/l", 1.0, "iu/l", 1.0, "[iu]/l", 1.0, "ukat/l", 60.0)),
          Map.entry(Measure.MEAN_CORPUSCULAR_VOLUME, Map.of("fl", 1.0, "um3", 1.0)),
          // folic acid 441.4 g/mol: 1 nmol/L = 0.4414 ng/mL
          Map.entry(Measure.FOLATE, Map.of("ng/ml", 1.0, "ug/l", 1.0, "nmol/l", 0.4414)));

  private Units() {}

  private static Map<String, Double> ratio() {
    return Map.of("1", 1.0, "{ratio}", 1.0, "{index}", 1.0, "ratio", 1.0, "", 1.0);
  }

  /**
   * @param unit the UCUM code, or the printed unit when there is no code; {@code null} for none
   */
  static Optional<Double> toCanonical(Measure measure, double value, String unit) {
    String key = normalize(unit);
    if (measure == Measure.HBA1C) {
      return hba1c(value, key);
    }
    if (measure == Measure.BODY_TEMPERATURE && (key.equals("[degf]") || key.equals("°f"))) {
      return Optional.of((value - 32) * 5 / 9);
    }
    if (measure == Measure.TRANSFERRIN_SATURATION
        && (key.equals("1") || key.equals("{ratio}"))
        && value <= 1.0) {
      return Optional.of(value * 100);
    }
    Double factor = FACTORS.getOrDefault(measure, Map.of()).get(key);
    return factor == null ? Optional.empty() : Optional.of(value * factor);
  }

  /** IFCC mmol/mol to NGSP %: % = 0.0915 × mmol/mol + 2.15 (clinical reference §6). */
  private static Optional<Double> hba1c(double value, String key) {
    if (key.equals("%")) {
      return Optional.of(value);
    }
    if (key.equals("mmol/mol")) {
      return Optional.of(0.0915 * value + 2.15);
    }
    return Optional.empty();
  }

  static String normalize(String unit) {
    if (unit == null) {
      return "";
    }
    return unit.replace(" ", "").replace("µ", "u").replace("μ", "u").toLowerCase(Locale.ROOT);
  }
}
