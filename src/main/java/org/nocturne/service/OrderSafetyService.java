package org.nocturne.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nocturne.cards.CardRenderer;
import org.nocturne.cards.NotRead;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsResponse;
import org.nocturne.cdshooks.CdsService;
import org.nocturne.cdshooks.HookCall;
import org.nocturne.cdshooks.PrefetchFailureMode;
import org.nocturne.clinical.facts.ProposedOrder;
import org.nocturne.clinical.rules.ordersafety.OrderSafety;
import org.nocturne.fhir.DraftOrderReader;
import org.nocturne.fhir.InvalidFhirDataException;
import org.nocturne.fhir.RecordReader;
import tools.jackson.databind.JsonNode;

/**
 * {@code nocturnal-leg-pain-order-select} and {@code -order-sign}: the same safety checks, on the
 * selected orders while ordering and on every draft order at signing.
 */
final class OrderSafetyService implements CdsService {
  static final String SELECT_ID = "nocturnal-leg-pain-order-select";
  static final String SIGN_ID = "nocturnal-leg-pain-order-sign";

  private final String id;
  private final PatientAssessor assessor;
  private final DraftOrderReader drafts;
  private final OrderSafety safety;
  private final CardRenderer cards;

  OrderSafetyService(
      String id,
      PatientAssessor assessor,
      DraftOrderReader drafts,
      OrderSafety safety,
      CardRenderer cards) {
    this.id = id;
    this.assessor = assessor;
    this.drafts = drafts;
    this.safety = safety;
    this.cards = cards;
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
    PatientAssessor.Assessed assessed = assessor.assess(call);
    List<ProposedOrder> orders;
    try {
      orders =
          drafts.readWithFetched(
              call.request().context().get("draftOrders").toString(),
              selections(call),
              call.prefetch().referencedMedications());
    } catch (InvalidFhirDataException e) {
      throw CdsHooksException.badRequest(e.getMessage());
    }
    var findings = safety.check(assessed.facts(), assessed.assessment(), orders, assessed.today());
    // what could not be had (the keys), and what a page or byte limit kept out of a key
    List<String> notRead = new ArrayList<>(call.prefetch().missing());
    List<String> cut =
        assessed.facts().unavailableData().stream()
            .filter(note -> !call.prefetch().missingKeys().contains(note))
            .toList();
    notRead.addAll(cut);
    return CdsResponse.of(
        cards.orderSafety(
            findings,
            assessed.cards(),
            new NotRead(notRead, call.prefetch().anyFailed() || !cut.isEmpty())));
  }

  /**
   * order-select checks only the orders the clinician just selected; order-sign checks them all.
   */
  private List<String> selections(HookCall call) {
    List<String> selected = new ArrayList<>();
    JsonNode selections = call.request().context().get("selections");
    if (selections != null && selections.isArray()) {
      selections.forEach(selection -> selected.add(selection.asString()));
    }
    return selected;
  }
}
