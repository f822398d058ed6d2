package org.nocturne.cards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nocturne.clinical.EvidenceGrade;

/**
 * A card detail within the budget of the contract ("Card budget"): labelled lines a physician reads
 * in ten seconds, no record references, no evidence grades. Lines are added in order of importance;
 * one that would break the budget is cut (with an ellipsis) or, for optional lines, left out. The
 * sources are not named in the text: each guideline they cite becomes one link of the card ({@link
 * GuidelineLinks}); the full evidence stays in the extension.
 */
final class CardText {
  /** The most characters a detail may have (contract, "Card budget"). */
  static final int MAX = 700;

  private final List<String> lines = new ArrayList<>();
  private final Set<String> sources = new LinkedHashSet<>();

  /** A labelled line that must appear; it is shortened when it would not fit. */
  CardText line(String label, String text) {
    if (!text.isBlank()) {
      lines.add("**" + label + ":** " + Markdown.text(plain(text)));
    }
    return this;
  }

  /** A labelled line shown only if it fits whole. */
  CardText optional(String label, String text) {
    if (!text.isBlank()) {
      String line = "**" + label + ":** " + Markdown.text(plain(text));
      if (length(lines) + 2 + line.length() <= MAX) {
        lines.add(line);
      }
    }
    return this;
  }

  /** A source text behind the card; the guidelines it cites become the card's links. */
  CardText source(String source) {
    sources.add(source);
    return this;
  }

  /** The source texts, in the order given, each once. */
  List<String> sources() {
    return List.copyOf(sources);
  }

  String render() {
    int room = MAX;
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      int left = room - body.length() - (body.length() == 0 ? 0 : 2);
      if (left < 40) {
        break;
      }
      if (body.length() > 0) {
        body.append("\n\n");
      }
      body.append(line.length() <= left ? line : shorten(line, left));
    }
    return body.toString();
  }

  /** Findings as one sentence: "One leg swollen; calf tenderness." */
  static String sentence(java.util.List<String> parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (out.length() > 0) {
        out.append("; ");
        // "Calf tenderness" and "A sore" read in lower case; "ABI 0.36" keeps its capitals
        boolean word =
            part.length() > 1 && (Character.isLowerCase(part.charAt(1)) || part.startsWith("A "));
        out.append(word ? Character.toLowerCase(part.charAt(0)) + part.substring(1) : part);
      } else {
        out.append(part);
      }
    }
    return out.append('.').toString();
  }

  /** Text a physician reads: no grades, no "seed article". */
  static String plain(String text) {
    return EvidenceGrade.strip(text).replace("Seed article; ", "").replace("seed article", "");
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
  }

  private static int length(List<String> lines) {
    return String.join("\n\n", lines).length();
  }
}
