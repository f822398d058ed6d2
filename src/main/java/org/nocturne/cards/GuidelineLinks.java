package org.nocturne.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nocturne.cdshooks.Link;
import org.nocturne.clinical.knowledge.Knowledge;

/**
 * The guidelines behind a card, each named once as a link to its own page (contract, "Card
 * budget"): the short name and address are data in the knowledge file, never a name guessed out of
 * a source text. A source that cites no guideline stays in the extension only.
 */
final class GuidelineLinks {
  /** More buttons than this is clutter; the first sources given are the card's own guidance. */
  static final int MAX = 3;

  /**
   * Each guideline's link, made once: a link checks its URL as it is made, and parsing the same few
   * addresses on every call was a hundredth of a call with cards (issue 30). The knowledge file's
   * guidelines are few and fixed.
   */
  private static final Map<Knowledge.Guideline, Link> LINKS = new ConcurrentHashMap<>();

  private GuidelineLinks() {}

  private static Link link(Knowledge.Guideline guideline) {
    return Link.absolute(guideline.name(), guideline.url());
  }

  static List<Link> of(Knowledge knowledge, List<String> sources) {
    Map<String, Link> links = new LinkedHashMap<>();
    for (String source : sources) {
      for (Knowledge.Guideline guideline : knowledge.guidelines(source)) {
        if (links.size() < MAX) {
          links.putIfAbsent(
              guideline.url(), LINKS.computeIfAbsent(guideline, GuidelineLinks::link));
        }
      }
    }
    return new ArrayList<>(links.values());
  }
}
