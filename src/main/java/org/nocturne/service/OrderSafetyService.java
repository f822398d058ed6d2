package org.nocturne.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.CdsService;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.cdshooks.PrefetchFailureMode;
import org.nocturne.fhir.FactsMapper;
import org.nocturne.fhir.RecordReader;

/**
 * {@code nocturnal-leg-pain-order-select} and {@code -order-sign}: the same safety checks on the
 * draft orders, at ordering and at signing. The checks themselves arrive with the order-safety
 * work; until then the record is read and no card is raised.
 */
final class OrderSafetyService implements CdsService {
  static final String SELECT_ID = "nocturnal-leg-pain-order-select";
  static final String SIGN_ID = "nocturnal-leg-pain-order-sign";

  private final String id;
  private final RecordLoader records;
  private final FactsMapper facts;
  private final Clock clock;

  OrderSafetyService(String id, RecordLoader records, FactsMapper facts, Clock clock) {
    this.id = id;
    this.records = records;
    this.facts = facts;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Map<String, PrefetchFailureMode> failureModes() {
    return Map.of(RecordReader.PATIENT, PrefetchFailureMode.FAIL);
  }

  @Override
  public CdsResponse call(HookCall call) {
    facts.map(records.load(call), clock.instant());
    return CdsResponse.of(List.of());
  }
}
