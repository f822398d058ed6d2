package org.nocturne.cards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nocturne.clinical.facts.Interpretation;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Threshold;

/** Results on record as a physician writes them: "K 3.1 mmol/L, low (12 Nov 2026)". */
final class Results {
  private Results() {}

  /**
   * @param low the sources of results the model read as low (the lab's flag or a typical range)
   */
  static String line(List<Measurement> results, Collection<String> low, Knowledge knowledge) {
    return results.stream().map(m -> one(m, low, knowledge)).collect(Collectors.joining("; "));
  }

  static String one(Measurement m, Collection<String> low, Knowledge knowledge) {
    String side = m.side().label();
    String flag =
        m.measure() == Measure.ANKLE_BRACHIAL_INDEX
            ? ", " + ankleBrachialReading(m.value(), knowledge)
            : m.interpretation() == Interpretation.LOW || low.contains(m.source())
                ? ", low"
                : m.interpretation() == Interpretation.HIGH ? ", high" : "";
    return name(m.measure())
        + (side.isEmpty() ? "" : " " + side)
        + " "
        + number(m.value())
        + unit(m.measure())
        + flag
        + " ("
        + Dates.format(m.date())
        + ")";
  }

  /**
   * An ABI read against the guideline's bands (2024 ACC/AHA §3.1), not the lab's flag: a calcified
   * artery reads high and normal-looking, and cannot exclude arterial disease.
   */
  static String ankleBrachialReading(double abi, Knowledge knowledge) {
    if (abi > knowledge.value(Threshold.ABI_NONCOMPRESSIBLE_ABOVE)) {
      return "noncompressible (calcified)";
    }
    if (abi <= knowledge.value(Threshold.ABI_ABNORMAL_MAX)) {
      return "low: PAD";
    }
    return abi >= knowledge.value(Threshold.ABI_NORMAL_MIN) ? "normal" : "borderline";
  }

  /**
   * Potassium, magnesium and calcium are all on the card and none is flagged low (one low by our
   * threshold is acted on instead: {@code CORRECT_ELECTROLYTES}).
   */
  static boolean normalElectrolytes(List<Measurement> results) {
    List<Measure> electrolytes = List.of(Measure.POTASSIUM, Measure.MAGNESIUM, Measure.CALCIUM);
    return electrolytes.stream()
        .allMatch(
            measure ->
                results.stream()
                    .anyMatch(
                        m -> m.measure() == measure && m.interpretation() != Interpretation.LOW));
  }

  /** Every recent ABI on the card is in the normal band. */
  static boolean normalAnkleBrachialIndex(List<Measurement> results, Knowledge knowledge) {
    List<Measurement> abis =
        results.stream().filter(m -> m.measure() == Measure.ANKLE_BRACHIAL_INDEX).toList();
    return !abis.isEmpty()
        && abis.stream().allMatch(m -> ankleBrachialReading(m.value(), knowledge).equals("normal"));
  }

  private static String name(Measure measure) {
    return switch (measure) {
      case ANKLE_BRACHIAL_INDEX -> "ABI";
      case TOE_BRACHIAL_INDEX -> "TBI";
      case ANKLE_PRESSURE -> "ankle pressure";
      case TOE_PRESSURE -> "toe pressure";
      case HBA1C -> "HbA1c";
      case FERRITIN -> "ferritin";
      case TRANSFERRIN_SATURATION -> "TSAT";
      case EGFR -> "eGFR";
      case POTASSIUM -> "K";
      case MAGNESIUM -> "Mg";
      case CALCIUM -> "Ca";
      case VITAMIN_B12 -> "B12";
      case TSH -> "TSH";
      case BODY_TEMPERATURE -> "temperature";
      case C_REACTIVE_PROTEIN -> "CRP";
      case CREATINE_KINASE -> "CK";
      case MEAN_CORPUSCULAR_VOLUME -> "MCV";
      case FOLATE -> "folate";
    };
  }

  private static String unit(Measure measure) {
    return switch (measure) {
      case ANKLE_BRACHIAL_INDEX, TOE_BRACHIAL_INDEX -> "";
      case ANKLE_PRESSURE, TOE_PRESSURE -> " mmHg";
      case HBA1C, TRANSFERRIN_SATURATION -> "%";
      case FERRITIN -> " ng/mL";
      case EGFR -> "";
      case POTASSIUM -> " mmol/L";
      case MAGNESIUM, CALCIUM -> " mg/dL";
      case VITAMIN_B12 -> " pg/mL";
      case TSH -> " mIU/L";
      case BODY_TEMPERATURE -> " °C";
      case C_REACTIVE_PROTEIN -> " mg/L";
      case CREATINE_KINASE -> " U/L";
      case MEAN_CORPUSCULAR_VOLUME -> " fL";
      case FOLATE -> " ng/mL";
    };
  }

  /**
   * As {@code %.0f} for whole numbers from 10, else {@code %.2f} less one trailing zero; written
   * with BigDecimal, whose digits are the same (both round the shortest decimal form half up) at a
   * fraction of the cost ({@code ResultsTest}).
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    boolean whole = value == Math.rint(value) && Math.abs(value) >= 10;
    String digits =
        BigDecimal.valueOf(value).setScale(whole ? 0 : 2, RoundingMode.HALF_UP).toPlainString();
    if (Math.copySign(1.0, value) < 0 && !digits.startsWith("-")) {
      digits = "-" + digits; // -0.001 is "-0.00" in %.2f
    }
    return whole || !digits.endsWith("0") ? digits : digits.substring(0, digits.length() - 1);
  }
}
