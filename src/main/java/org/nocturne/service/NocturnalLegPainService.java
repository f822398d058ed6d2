package org.nocturne.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.CdsService;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.cdshooks.PrefetchFailureMode;
import org.nocturne.clinical.CauseModel;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.RecordReader;

/** {@code nocturnal-leg-pain} (patient-view): record → facts → assessment → cards. */
final class NocturnalLegPainService implements CdsService {
  static final String ID = "nocturnal-leg-pain";

  private final RecordLoader records;
  private final FactsMapper facts;
  private final CauseModel model;
  private final CardRenderer cards;
  private final Clock clock;

  NocturnalLegPainService(
      RecordLoader records, FactsMapper facts, CauseModel model, CardRenderer cards, Clock clock) {
    this.records = records;
    this.facts = facts;
    this.model = model;
    this.cards = cards;
    this.clock = clock;
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
    var now = clock.instant();
    var assessment =
        model.assess(facts.map(records.load(call), now), LocalDate.ofInstant(now, clock.getZone()));
    return CdsResponse.of(cards.render(assessment));
  }
}
