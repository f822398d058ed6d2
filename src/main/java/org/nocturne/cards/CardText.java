package org.nocturne.cards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.nocturne.clinical.knowledge.EvidenceGrade;

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

  /** Never shortened or dropped: what to do now. */
  private static final int ESSENTIAL = 0;

  /** Shortened at a word when the budget is short. */
  private static final int NORMAL = 1;

  /** Dropped first: the severity line, the why, what else is flagged or missing. */
  private static final int SECONDARY = 2;

  private record Line(String text, int priority) {}

  private final List<Line> lines = new ArrayList<>();
  private final Set<String> sources = new LinkedHashSet<>();

  /** A labelled line that must appear; it is shortened at a word when it would not fit. */
  CardText line(String label, String text) {
    return add(label, text, NORMAL);
  }

  /** A labelled action line (red-flag and urgent actions): never shortened, never dropped. */
  CardText essential(String label, String text) {
    return add(label, text, ESSENTIAL);
  }

  /** A labelled line shown only if it fits whole; the first to go when the budget is short. */
  CardText optional(String label, String text) {
    return add(label, text, SECONDARY);
  }

  private CardText add(String label, String text, int priority) {
    if (!text.isBlank()) {
      lines.add(new Line("**" + label + ":** " + Markdown.text(plain(text)), priority));
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

  /**
   * Safety first within the budget: secondary lines go first (the last added first), then normal
   * lines are shortened at a word boundary, longest first; essential lines are never cut.
   */
  String render() {
    List<Line> kept = new ArrayList<>(lines);
    while (total(kept) > MAX) {
      int drop = -1;
      for (int i = kept.size() - 1; i >= 0; i--) {
        if (kept.get(i).priority() == SECONDARY) {
          drop = i;
          break;
        }
      }
      if (drop < 0) {
        break;
      }
      kept.remove(drop);
    }
    List<String> texts = new ArrayList<>(kept.stream().map(Line::text).toList());
    while (total(texts.stream().map(t -> new Line(t, NORMAL)).toList()) > MAX) {
      int over = total(texts.stream().map(t -> new Line(t, NORMAL)).toList()) - MAX;
      int longest = -1;
      for (int i = 0; i < texts.size(); i++) {
        boolean cuttable = kept.get(i).priority() != ESSENTIAL && !texts.get(i).endsWith("…");
        if (cuttable && (longest < 0 || texts.get(i).length() > texts.get(longest).length())) {
          longest = i;
        }
      }
      if (longest < 0) {
        break;
      }
      String text = texts.get(longest);
      int target = text.length() - over;
      if (target < 40) {
        // too little room left for this line to say anything: leave it out
        texts.remove(longest);
        kept.remove(longest);
      } else {
        texts.set(longest, shorten(text, target));
      }
    }
    return String.join("\n\n", texts);
  }

  private static int total(List<Line> lines) {
    int total = 0;
    for (Line line : lines) {
      total += line.text().length();
    }
    return total + Math.max(0, lines.size() - 1) * 2;
  }

  /** Findings as one sentence: "One leg swollen; calf tenderness." */
  static String sentence(List<String> parts) {
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

  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:(–—-]+$");

  /** Cut at the last word boundary that fits, never inside a word, with an ellipsis. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    String head = cut > 0 ? text.substring(0, cut) : text.substring(0, max - 1);
    head = TRAILING_PUNCTUATION.matcher(head).replaceAll("");
    return head + "…";
  }
}
