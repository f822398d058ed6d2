package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardTest {
  private static final Source SOURCE = new Source("Nocturne CDS", null, null, null);

  private static Suggestion suggestion() {
    var resource =
        CdsJson.mapper().readTree("{\"resourceType\":\"ServiceRequest\",\"status\":\"draft\"}");
    return new Suggestion(
        "Order an ABI", "s1", true, List.of(Action.create("Create the order", resource)));
  }

  @Test
  void aSummaryOf140CharactersOrMoreIsRejected() {
    assertThatThrownBy(
            () ->
                new Card(
                    "u",
                    "x".repeat(140),
                    null,
                    Indicator.INFO,
                    SOURCE,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("140");
    assertThat(
            new Card(
                    "u",
                    "x".repeat(139),
                    null,
                    Indicator.INFO,
                    SOURCE,
                    null,
                    null,
                    null,
                    null,
                    null)
                .summary())
        .hasSize(139);
  }

  @Test
  void suggestionsRequireASelectionBehavior() {
    assertThatThrownBy(
            () ->
                new Card(
                    "u",
                    "s",
                    null,
                    Indicator.INFO,
                    SOURCE,
                    List.of(suggestion()),
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("selectionBehavior");
  }

  @Test
  void overrideReasonsNeedADisplay() {
    assertThatThrownBy(
            () ->
                new Card(
                    "u",
                    "s",
                    null,
                    Indicator.INFO,
                    SOURCE,
                    null,
                    null,
                    List.of(Coding.of("sys", "code")),
                    null,
                    null))
        .hasMessageContaining("display");
  }

  @Test
  void appContextIsOnlyForSmartLinks() {
    assertThatThrownBy(
            () -> new Link("App", "https://app.example/launch", LinkType.ABSOLUTE, "ctx"))
        .hasMessageContaining("appContext");
    assertThat(new Link("App", "https://app.example/launch", LinkType.SMART, "ctx").appContext())
        .isEqualTo("ctx");
  }

  @Test
  void linksAndSourceUrlsMustBeAbsolute() {
    assertThatThrownBy(() -> Link.absolute("Relative", "/education/leg-cramps"))
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> new Source("s", "relative/path", null, null))
        .hasMessageContaining("absolute");
  }

  @Test
  void deleteActionsNameTheirTargetByResourceIdOnly() {
    assertThat(Action.delete("Remove the draft", "MedicationRequest/q1").resourceId())
        .isEqualTo("MedicationRequest/q1");
    assertThatThrownBy(() -> new Action(ActionType.DELETE, "d", null, null))
        .hasMessageContaining("resourceId");
    assertThatThrownBy(() -> new Action(ActionType.CREATE, "d", null, null))
        .hasMessageContaining("FHIR resource");
  }

  @Test
  void jsonOmitsAbsentAndEmptyFieldsButAlwaysHasCards() {
    var card =
        new Card(
            "u1",
            "Summary",
            null,
            Indicator.WARNING,
            SOURCE,
            List.of(suggestion()),
            SelectionBehavior.AT_MOST_ONE,
            null,
            null,
            null);

    String json = CdsJson.mapper().writeValueAsString(new CdsResponse(List.of(card), null));
    String empty = CdsJson.mapper().writeValueAsString(CdsResponse.of(List.of()));

    assertThat(json)
        .doesNotContain("null")
        .doesNotContain("[]")
        .doesNotContain("{}")
        .contains("\"selectionBehavior\":\"at-most-one\"")
        .contains("\"indicator\":\"warning\"");
    assertThat(empty).isEqualTo("{\"cards\":[]}");
  }

  @Test
  void emptyArraysAreRejectedRatherThanSent() {
    assertThatThrownBy(
            () ->
                new Card(
                    "u",
                    "s",
                    null,
                    Indicator.INFO,
                    SOURCE,
                    List.of(),
                    SelectionBehavior.ANY,
                    null,
                    null,
                    null))
        .hasMessageContaining("omitted");
  }

  @Test
  void aCardNeedsASummaryAnIndicatorAndASource() {
    assertThatThrownBy(
            () -> new Card("u", " ", null, Indicator.INFO, SOURCE, null, null, null, null, null))
        .hasMessageContaining("summary");
    assertThatThrownBy(() -> new Card("u", "s", null, null, SOURCE, null, null, null, null, null))
        .hasMessageContaining("indicator");
    assertThatThrownBy(
            () -> new Card("u", "s", null, Indicator.INFO, null, null, null, null, null, null))
        .hasMessageContaining("source");
  }

  @Test
  void aSourceNeedsALabelAndAnAbsoluteIcon() {
    assertThatThrownBy(() -> new Source(null, null, null, null)).hasMessageContaining("label");
    assertThatThrownBy(() -> new Source("s", null, "icon.png", null))
        .hasMessageContaining("absolute");
  }

  @Test
  void suggestionsActionsLinksAndCodingsNeedTheirRequiredFields() {
    var resource = CdsJson.mapper().readTree("{\"resourceType\":\"ServiceRequest\"}");
    assertThatThrownBy(() -> new Suggestion(null, "u", null, null)).hasMessageContaining("label");
    assertThatThrownBy(() -> new Action(ActionType.CREATE, null, resource, null))
        .hasMessageContaining("description");
    assertThatThrownBy(() -> new Link(null, "https://x.example", LinkType.ABSOLUTE, null))
        .hasMessageContaining("label");
    assertThatThrownBy(() -> new Link("l", null, LinkType.ABSOLUTE, null))
        .hasMessageContaining("url");
    assertThatThrownBy(() -> new Link("l", "https://x.example", null, null))
        .hasMessageContaining("type");
    assertThatThrownBy(() -> Coding.of(null, "c")).hasMessageContaining("system");
    assertThatThrownBy(() -> Coding.of("s", "")).hasMessageContaining("code");
  }

  @Test
  void anExtensionIsSentAsAJsonObjectUnderAGloballyUniqueKey() {
    var card =
        new Card(
            "u",
            "s",
            null,
            Indicator.INFO,
            SOURCE,
            null,
            null,
            null,
            null,
            Map.of("org.nocturne.differential", Map.of("causes", List.of())));

    var json = CdsJson.mapper().valueToTree(card);

    assertThat(json.get("extension").isObject()).isTrue();
    assertThat(json.get("extension").get("org.nocturne.differential").isObject()).isTrue();
  }
}
