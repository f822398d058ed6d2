package org.nocturne.cards;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A card detail within the budget of the contract ("Card budget"): labelled lines a physician reads
 * in ten seconds, no record references, no evidence grades, each source named once on one closing
 * line. Lines are added in order of importance; one that would break the budget is cut (with an
 * ellipsis) or, for optional lines, left out. The full evidence stays in the extension.
 */
final class CardText {
  /** The most characters a detail may have (contract, "Card budget"). */
  static final int MAX = 700;

  private static final Pattern GRADE = Pattern.compile("\\s*\\[(V|M|V-weak)\\]");
  private static final Pattern PARENS = Pattern.compile("\\s*\\([^()]*\\)");

  /** A part of a source text that names a source: a year or a guideline body. */
  private static final Pattern NAMES_A_SOURCE =
      Pattern.compile(
          "(19|20)\\d\\d|NICE|AASM|ESVS|ACC|AHA|IWGDF|RCOG|GIRFT|ICSD|KDIGO|ADA|IRLSSG|NHS|TASC|PARC|FDA|MHRA|USPSTF");

  private static final Pattern DETAIL = Pattern.compile(",\\s*criterion\\s+\\w+|\\s*§[\\d.]+");

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
      if (length(lines) + 2 + line.length() + sourcesLength() <= MAX) {
        lines.add(line);
      }
    }
    return this;
  }

  /** A source for the closing line, by its short name; repeats are named once. */
  CardText source(String source) {
    for (String name : cite(source)) {
      sources.add(name);
    }
    return this;
  }

  String render() {
    String closing =
        sources.isEmpty()
            ? ""
            : "_Sources: " + shorten(Markdown.text(String.join("; ", sources)), 150) + "_";
    int room = MAX - (closing.isEmpty() ? 0 : closing.length() + 2);
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
    return closing.isEmpty() ? body.toString() : body + "\n\n" + closing;
  }

  /** Short names of the sources in a knowledge-file source text: no grades, no detail. */
  static List<String> cite(String source) {
    String text = GRADE.matcher(source).replaceAll("");
    String previous;
    do {
      previous = text;
      text = PARENS.matcher(text).replaceAll("");
    } while (!text.equals(previous));
    List<String> names = new ArrayList<>();
    for (String part : text.split(";")) {
      String name = DETAIL.matcher(part.split(":", 2)[0]).replaceAll("").trim();
      if (NAMES_A_SOURCE.matcher(name).find()
          && !name.toLowerCase(java.util.Locale.ROOT).contains("seed article")) {
        names.add(name);
      }
    }
    return names;
  }

  /** Findings as one sentence: "One leg swollen; calf tenderness." */
  static String sentence(java.util.List<String> parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (out.length() > 0) {
        out.append("; ");
        boolean word = part.length() > 1 && Character.isLowerCase(part.charAt(1));
        out.append(word ? Character.toLowerCase(part.charAt(0)) + part.substring(1) : part);
      } else {
        out.append(part);
      }
    }
    return out.append('.').toString();
  }

  /** Text a physician reads: no grades, no "seed article". */
  static String plain(String text) {
    return GRADE
        .matcher(text)
        .replaceAll("")
        .replace("Seed article; ", "")
        .replace("seed article", "");
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
  }

  private int sourcesLength() {
    return sources.isEmpty() ? 0 : String.join("; ", sources).length() + 16;
  }

  private static int length(List<String> lines) {
    return String.join("\n\n", lines).length();
  }
}
