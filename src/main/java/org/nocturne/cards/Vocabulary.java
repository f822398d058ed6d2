package org.nocturne.cards;

import java.util.List;
import org.nocturne.cdshooks.Coding;
import org.nocturne.cdshooks.Source;

/**
 * The codings every card uses: its topic, and the reasons a clinician can give for overriding it.
 */
final class Vocabulary {
  static final String BASE = "http://nocturne-cds.org/fhir/CodeSystem/";
  static final String CAUSES = BASE + "leg-pain-cause";
  static final String RED_FLAGS = BASE + "leg-pain-red-flag";
  static final String ORDER_SAFETY = BASE + "order-safety";
  static final String CARD_KINDS = BASE + "leg-pain-card";
  static final String SOURCE_LABEL = "Nocturne CDS";

  /** The four reasons of CodeSystem {@code override-reason}, each with the display 2.0 requires. */
  static final List<Coding> OVERRIDE_REASONS =
      List.of(
          new Coding(BASE + "override-reason", "already-assessed", "Already assessed"),
          new Coding(BASE + "override-reason", "patient-declined", "Patient declined"),
          new Coding(
              BASE + "override-reason", "not-clinically-relevant", "Not clinically relevant"),
          new Coding(BASE + "override-reason", "other", "Other"));

  private Vocabulary() {}

  static Source source(String system, String code, String display) {
    return new Source(SOURCE_LABEL, null, null, new Coding(system, code, display));
  }

  /** The page about the service (what it does, its sources, its limits). */
  static final String ABOUT = "/about";

  /** A source that links to the service's own page about itself (contract, "Card budget"). */
  static Source source(String system, String code, String display, CardContext context) {
    return new Source(SOURCE_LABEL, context.url(ABOUT), null, new Coding(system, code, display));
  }
}
