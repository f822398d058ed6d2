package org.nocturne.cards;

import ca.uhn.fhir.context.FhirContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.nocturne.cdshooks.Action;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.clinical.conclusions.NextStep;
import tools.jackson.databind.node.ObjectNode;

/**
 * The draft orders a suggestion creates for a next step: FHIR R4 ServiceRequests with status {@code
 * draft} and intent {@code proposal}, coded where a verified code exists (LOINC for labs and
 * imaging, SNOMED CT for the ABI and referrals) and named in text otherwise. Steps that are a
 * decision rather than an order (iron repletion, a medication review) have none.
 */
final class OrderTemplates {
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String LOINC = "http://loinc.org";
  private static final Coding LAB = new Coding(SNOMED, "108252007", "Laboratory procedure");
  private static final Coding PROCEDURE = new Coding(SNOMED, "103693007", "Diagnostic procedure");
  private static final Coding IMAGING = new Coding(SNOMED, "363679005", "Imaging");
  private static final Coding REFERRAL = new Coding(SNOMED, "3457005", "Patient referral");

  /**
   * An order an EHR cannot map is a text it must retype: each urgent order carries a standard code
   * (LOINC 24968-0 MR Lumbar spine, 30881-7 US.doppler Lower extremity vein; SNOMED CT 306934005
   * for the referral), its urgency in {@code priority} and its text. Toe pressure keeps our own
   * code: no standard one was verified (see {@code ValueSet-observation-toe-pressure}).
   */
  private static final Coding VASCULAR_SURGERY =
      new Coding(SNOMED, "306934005", "Referral to vascular surgery service");

  /** Written in the subject's place, so the subject keeps its position in the JSON. */
  private static final String PLACEHOLDER_PATIENT = "Patient/placeholder";

  /** One test or referral: its category, its code (or null), and its name. */
  private record Spec(Coding category, Coding code, String text) {}

  private static final Map<NextStep, List<Spec>> SPECS =
      Map.ofEntries(
          Map.entry(
              NextStep.ANKLE_BRACHIAL_INDEX,
              List.of(
                  new Spec(
                      PROCEDURE,
                      new Coding(
                          SNOMED, "401221002", "Measurement of ankle brachial pressure index"),
                      "Resting ankle-brachial index, both legs"))),
          Map.entry(
              NextStep.TOE_BRACHIAL_INDEX,
              List.of(
                  new Spec(
                      PROCEDURE,
                      new Coding(
                          "http://nocturne-cds.org/fhir/CodeSystem/observation-concept",
                          "toe-brachial-index",
                          "Toe-brachial index"),
                      "Toe pressures and toe-brachial index"))),
          Map.entry(
              NextStep.IRON_STUDIES,
              List.of(
                  new Spec(
                      LAB,
                      new Coding(LOINC, "2276-4", "Ferritin [Mass/volume] in Serum or Plasma"),
                      "Ferritin (morning, no iron for 24 h)"),
                  new Spec(
                      LAB,
                      new Coding(
                          LOINC, "2502-3", "Iron saturation [Mass Fraction] in Serum or Plasma"),
                      "Transferrin saturation"))),
          Map.entry(
              NextStep.HBA1C,
              List.of(
                  new Spec(
                      LAB,
                      new Coding(LOINC, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"),
                      "HbA1c"))),
          Map.entry(
              NextStep.VITAMIN_B12,
              List.of(
                  new Spec(
                      LAB,
                      new Coding(
                          LOINC,
                          "2132-9",
                          "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma"),
                      "Vitamin B12"))),
          Map.entry(
              NextStep.ELECTROLYTES_AND_MAGNESIUM,
              List.of(
                  new Spec(
                      LAB,
                      new Coding(LOINC, "2823-3", "Potassium [Moles/volume] in Serum or Plasma"),
                      "Potassium"),
                  new Spec(
                      LAB,
                      new Coding(LOINC, "17861-6", "Calcium [Mass/volume] in Serum or Plasma"),
                      "Calcium"),
                  new Spec(
                      LAB,
                      new Coding(LOINC, "19123-9", "Magnesium [Mass/volume] in Serum or Plasma"),
                      "Magnesium"))),
          Map.entry(
              NextStep.D_DIMER,
              List.of(
                  new Spec(
                      LAB,
                      new Coding(
                          LOINC,
                          "48065-7",
                          "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma"),
                      "D-dimer"))),
          Map.entry(
              NextStep.VENOUS_DUPLEX,
              List.of(
                  new Spec(
                      IMAGING,
                      new Coding(LOINC, "30881-7", "US.doppler Lower extremity vein"),
                      "Venous duplex ultrasound of the symptomatic leg"))),
          Map.entry(
              NextStep.URGENT_LUMBAR_MRI,
              List.of(
                  new Spec(
                      IMAGING,
                      new Coding(LOINC, "24968-0", "MR Lumbar spine"),
                      "MRI lumbar spine, emergency (suspected cauda equina syndrome)"))),
          Map.entry(
              NextStep.CREATINE_KINASE,
              List.of(
                  new Spec(
                      LAB,
                      new Coding(
                          LOINC,
                          "2157-6",
                          "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma"),
                      "Creatine kinase (CK)"))),
          Map.entry(
              NextStep.EMERGENCY_VASCULAR_REFERRAL,
              List.of(
                  new Spec(
                      REFERRAL,
                      VASCULAR_SURGERY,
                      "Referral to vascular surgery, emergency (suspected acute limb ischemia)"))),
          Map.entry(
              NextStep.URGENT_VASCULAR_REFERRAL,
              List.of(
                  new Spec(REFERRAL, VASCULAR_SURGERY, "Referral to vascular surgery, same day"))),
          Map.entry(
              NextStep.VENOUS_REFERRAL,
              List.of(
                  new Spec(
                      REFERRAL,
                      VASCULAR_SURGERY,
                      "Referral to a vascular service, routine (venous disease with skin"
                          + " changes)"))),
          Map.entry(
              NextStep.VASCULAR_REFERRAL,
              List.of(
                  new Spec(
                      REFERRAL,
                      VASCULAR_SURGERY,
                      "Referral to vascular surgery, urgent (suspected limb-threatening ischemia)"))));

  /** What an order's JSON depends on besides the patient: few, as steps and reasons are data. */
  private record Key(
      Spec spec, String reasonSystem, String reasonCode, String reason, String priority) {}

  private final FhirContext fhir;

  /**
   * Each order as HAPI writes it, for a placeholder patient: written once, then copied with the
   * patient's reference (HAPI writing it back each time was a tenth of a call with cards).
   */
  private final Cache<Key, ObjectNode> written = Caffeine.newBuilder().maximumSize(1_000).build();

  OrderTemplates(FhirContext fhir) {
    this.fhir = fhir;
  }

  boolean canOrder(NextStep step) {
    return SPECS.containsKey(step);
  }

  /**
   * @param reason why it is ordered, as a coding of a cause or red flag with its display
   * @param priority {@code routine}, {@code urgent} or {@code stat}
   */
  List<Action> create(NextStep step, String patientId, Coding reason, String priority) {
    List<Action> actions = new ArrayList<>();
    for (Spec spec : SPECS.getOrDefault(step, List.of())) {
      Key key = new Key(spec, reason.getSystem(), reason.getCode(), reason.getDisplay(), priority);
      ObjectNode order = written.get(key, k -> write(k, reason)).deepCopy();
      order.putObject("subject").put("reference", "Patient/" + patientId);
      actions.add(Action.create("Order: " + spec.text(), order));
    }
    return actions;
  }

  private ObjectNode write(Key key, Coding reason) {
    Spec spec = key.spec();
    ServiceRequest order = new ServiceRequest();
    order.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    order.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
    order.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(key.priority()));
    order.addCategory(new CodeableConcept(spec.category().copy()));
    CodeableConcept code = new CodeableConcept().setText(spec.text());
    if (spec.code() != null) {
      code.addCoding(spec.code().copy());
    }
    order.setCode(code);
    order.setSubject(new Reference(PLACEHOLDER_PATIENT));
    order.addReasonCode(new CodeableConcept(reason.copy()).setText(reason.getDisplay()));
    String json = fhir.newJsonParser().encodeResourceToString(order);
    return (ObjectNode) CdsJson.mapper().readTree(json);
  }
}
