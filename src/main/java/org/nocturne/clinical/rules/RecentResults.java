package org.nocturne.clinical.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nocturne.clinical.facts.Interpretation;
import org.nocturne.clinical.facts.Measure;
import org.nocturne.clinical.facts.Measurement;
import org.nocturne.clinical.facts.PatientFacts;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Threshold;

/**
 * The record's results as the rules read them: the newest value per side, recent (within the
 * recency window) or fresh (recent enough not to repeat the test), and low or high by the lab's own
 * flag or range, else by our typical threshold. One per assessment, used by one thread.
 */
public final class RecentResults {
  private final PatientFacts facts;
  private final Knowledge knowledge;
  private final LocalDate today;
  private final Map<Measure, List<Measurement>> recent = new EnumMap<>(Measure.class);

  RecentResults(PatientFacts facts, Knowledge knowledge, LocalDate today) {
    this.facts = facts;
    this.knowledge = knowledge;
    this.today = today;
  }

  /** The newest recent value per side; every rule asks, so each measure is sorted once. */
  public List<Measurement> recent(Measure measure) {
    return recent.computeIfAbsent(
        measure, m -> facts.latestPerSide(m).stream().filter(this::isRecent).toList());
  }

  public boolean hasRecent(Measure measure) {
    return !recent(measure).isEmpty();
  }

  /**
   * The newest value per side that is fresh enough not to repeat the test: electrolytes within
   * days, HbA1c within months, the rest within the general recency window (each with its source).
   */
  public List<Measurement> fresh(Measure measure) {
    LocalDate since =
        switch (measure) {
          case POTASSIUM, MAGNESIUM, CALCIUM ->
              today.minusDays((long) t(Threshold.FRESH_ELECTROLYTES_DAYS));
          case HBA1C -> today.minusMonths((long) t(Threshold.FRESH_HBA1C_MONTHS));
          default -> today.minusMonths((long) t(Threshold.RECENT_TEST_MONTHS));
        };
    return recent(measure).stream().filter(m -> !m.date().isBefore(since)).toList();
  }

  public boolean hasFresh(Measure measure) {
    return !fresh(measure).isEmpty();
  }

  /** A fresh value that is low: by the lab's flag or range, otherwise below the typical value. */
  public Optional<Measurement> lowFresh(Measure measure, Threshold typicalBelow) {
    return fresh(measure).stream().filter(m -> low(m, typicalBelow)).findFirst();
  }

  /**
   * A recent value that is low: by the lab's own flag or range when it gave one, otherwise below
   * the typical threshold.
   */
  public Optional<Measurement> lowRecent(Measure measure, Threshold typicalBelow) {
    return recent(measure).stream().filter(m -> low(m, typicalBelow)).findFirst();
  }

  /**
   * A recent value that is high: by the lab's own flag or range when it gave one, otherwise above
   * the typical threshold; the highest when several are.
   */
  public Optional<Measurement> highRecent(Measure measure, Threshold typicalAbove) {
    return recent(measure).stream()
        .filter(m -> high(m, typicalAbove))
        .max(Comparator.comparingDouble(Measurement::value));
  }

  /** A recent calcium above the upper reference limit (the lab's flag, else our threshold). */
  public Optional<Measurement> highCalcium() {
    return highRecent(Measure.CALCIUM, Threshold.CALCIUM_HIGH_ABOVE);
  }

  /** The lowest of the newest recent values per side. */
  public Optional<Measurement> lowestRecent(Measure measure) {
    Measurement lowest = null;
    for (Measurement m : recent(measure)) {
      if (lowest == null || m.value() < lowest.value()) {
        lowest = m;
      }
    }
    return Optional.ofNullable(lowest);
  }

  /** The highest of the newest recent values per side. */
  public Optional<Measurement> highestRecent(Measure measure) {
    Measurement highest = null;
    for (Measurement m : recent(measure)) {
      if (highest == null || m.value() > highest.value()) {
        highest = m;
      }
    }
    return Optional.ofNullable(highest);
  }

  /**
   * A fever on record: a temperature of 38 °C or more taken within the last days (a temperature is
   * a sign of now; an older one is history).
   */
  public Optional<Measurement> feverOnRecord() {
    LocalDate since = today.minusDays((long) t(Threshold.FEVER_RECENT_DAYS));
    return recent(Measure.BODY_TEMPERATURE).stream()
        .filter(m -> !m.date().isBefore(since) && m.value() >= t(Threshold.FEVER_MIN))
        .max(Comparator.comparingDouble(Measurement::value));
  }

  /** Taken within the recency window (12 months by default); undated values are never recent. */
  private boolean isRecent(Measurement measurement) {
    int months = (int) t(Threshold.RECENT_TEST_MONTHS);
    return measurement.date() != null && !measurement.date().isBefore(today.minusMonths(months));
  }

  private boolean low(Measurement m, Threshold typicalBelow) {
    return m.interpretation() == Interpretation.LOW
        || (m.interpretation() == Interpretation.UNKNOWN && m.value() < t(typicalBelow));
  }

  private boolean high(Measurement m, Threshold typicalAbove) {
    return m.interpretation() == Interpretation.HIGH
        || (m.interpretation() == Interpretation.UNKNOWN && m.value() > t(typicalAbove));
  }

  private double t(Threshold threshold) {
    return knowledge.value(threshold);
  }
}
