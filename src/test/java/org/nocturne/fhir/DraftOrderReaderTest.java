package org.nocturne.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.ProposedOrder;

class DraftOrderReaderTest {
  private static final String DRAFTS =
      """
      {"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"MedicationRequest","id":"q","status":"draft","intent":"order",
          "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"9071"}],"text":"Quinine 324 mg"},
          "reasonCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"G47.62"}]}]}},
        {"resource":{"resourceType":"ServiceRequest","id":"s","status":"draft","intent":"order","code":{"text":"Compression stockings, thigh-high"}}},
        {"resource":{"resourceType":"DeviceRequest","id":"d","status":"draft","intent":"order","codeCodeableConcept":{"text":"Multilayer compression bandaging"}}},
        {"resource":{"resourceType":"ServiceRequest","id":"x","status":"draft","intent":"order","code":{"text":"X-ray of the knee"}}}
      ]}""";

  private final DraftOrderReader reader = new DraftOrderReader(Fhir.CONTEXT, Fhir.CODES);

  @Test
  void readsMedicationOrdersByClassAndCompressionByName() {
    List<ProposedOrder> orders = reader.read(DRAFTS, List.of());

    assertThat(orders)
        .extracting(ProposedOrder::reference)
        .containsExactly(
            "MedicationRequest/q", "ServiceRequest/s", "DeviceRequest/d", "ServiceRequest/x");
    assertThat(orders.get(0).drugClasses()).containsExactly(DrugClass.QUININE);
    assertThat(orders.get(0).reasons()).containsExactly(Disorder.LEG_CRAMPS);
    assertThat(orders)
        .extracting(ProposedOrder::compression)
        .containsExactly(false, true, true, false);
  }

  @Test
  void compressionIsRecognisedByCodeAndByFreeText() {
    String drafts =
        """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"ServiceRequest","id":"coded","status":"draft","intent":"order",
            "code":{"coding":[{"system":"http://snomed.info/sct","code":"348681001"}]}}},
          {"resource":{"resourceType":"MedicationRequest","id":"typed","status":"draft","intent":"order",
            "medicationCodeableConcept":{"text":"thigh-high 20-30 mmHg, wear daily"}}},
          {"resource":{"resourceType":"MedicationRequest","id":"drug","status":"draft","intent":"order",
            "medicationCodeableConcept":{"text":"Naproxen 500 mg"}}}
        ]}""";

    List<ProposedOrder> orders = reader.read(drafts, List.of());

    assertThat(orders).extracting(ProposedOrder::compression).containsExactly(true, true, false);
    assertThat(orders.get(2).drugClasses()).containsExactly(DrugClass.CRAMP_ASSOCIATED);
  }

  @Test
  void orderSelectReadsOnlyTheSelectedOrders() {
    assertThat(reader.read(DRAFTS, List.of("ServiceRequest/s")))
        .extracting(ProposedOrder::reference)
        .containsExactly("ServiceRequest/s");
  }

  @Test
  void draftOrdersThatAreNotABundleAreRejected() {
    assertThatThrownBy(() -> reader.read("{\"resourceType\":\"Patient\"}", List.of()))
        .isInstanceOf(InvalidFhirDataException.class);
  }
}
