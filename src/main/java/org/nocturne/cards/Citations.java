package org.nocturne.cards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nocturne.clinical.knowledge.EvidenceGrade;

/**
 * Sources as a physician reads them: the citation without its internal evidence grade or the
 * explanation after it ("Rabe et al., Phlebology 2020;35:447 (…): compression contraindicated at
 * ABPI &lt;0.6 [V]" is "Rabe et al., Phlebology 2020;35:447"), each named once.
 */
final class Citations {
  private Citations() {}

  /** The citation of one source text. */
  static String of(String source) {
    String cited = EvidenceGrade.strip(source);
    int explanation = cited.indexOf(": ");
    if (explanation > 0) {
      cited = cited.substring(0, explanation);
    }
    int open = cited.lastIndexOf('(');
    if (open > 0 && cited.indexOf(')', open) < 0) {
      cited = cited.substring(0, open).trim();
    }
    return cited;
  }

  /** One closing line naming each source once, in the order given. */
  static String line(List<String> sources) {
    Set<String> cited = new LinkedHashSet<>();
    sources.stream().map(Citations::of).filter(c -> !c.isEmpty()).forEach(cited::add);
    return "Sources: " + String.join("; ", cited) + ".";
  }
}
