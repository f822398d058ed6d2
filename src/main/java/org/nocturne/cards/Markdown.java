package org.nocturne.cards;

import java.util.List;
import java.util.stream.Collectors;
import org.nocturne.clinical.Finding;
import org.nocturne.clinical.Knowledge;

/** Small helpers for the GitHub-flavoured Markdown of card details. */
final class Markdown {
  private Markdown() {}

  /** Text safe inside a table cell or a list item. */
  static String text(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("\n", " ");
  }

  /** Record references, each in code style: {@code `Observation/abi-left`}. */
  static String refs(List<String> references) {
    return references.isEmpty()
        ? ""
        : " ("
            + references.stream().map(r -> "`" + r + "`").collect(Collectors.joining(", "))
            + ")";
  }

  /** The clinical phrase of a finding, without its parenthesised threshold: "ABI 0.58 left". */
  static String phrase(String findingText) {
    int paren = findingText.indexOf(" (");
    String phrase = paren > 0 ? findingText.substring(0, paren) : findingText;
    String first = phrase.split(" ", 2)[0];
    boolean acronym = first.length() > 1 && first.equals(first.toUpperCase(java.util.Locale.ROOT));
    return phrase.isEmpty() || acronym
        ? phrase
        : Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
  }

  /** Keeps a one-line summary under the 140-character limit of CDS Hooks 2.0. */
  static String summary(String text) {
    int max = org.nocturne.cdshooks.Card.MAX_SUMMARY_LENGTH;
    return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
  }

  /**
   * The detail of a red-flag or order-safety card: what was found (each finding with its record
   * references, and its basis when it differs from the guidance's source), why it matters, what to
   * do, and the source.
   */
  static String guidance(List<Finding> findings, Knowledge.Guidance guidance, String actionLabel) {
    StringBuilder md = new StringBuilder("**Found**\n\n");
    for (Finding finding : findings) {
      md.append("- ").append(text(finding.text())).append(refs(finding.evidence()));
      if (!finding.basis().equals(guidance.source())) {
        md.append(" · _").append(text(finding.basis())).append("_");
      }
      md.append('\n');
    }
    md.append("\n**Why it matters:** ").append(text(guidance.text())).append("\n\n");
    md.append("**")
        .append(actionLabel)
        .append(":** ")
        .append(text(guidance.action()))
        .append("\n\n");
    md.append("_Source: ").append(text(guidance.source())).append("_");
    return md.toString();
  }
}
