package org.nocturne.cards;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.FhirId;
import org.nocturne.clinical.conclusions.Finding;
import org.nocturne.clinical.knowledge.Knowledge;

/** Small helpers for the GitHub-flavoured Markdown of card details. */
final class Markdown {
  private Markdown() {}

  /**
   * Inline syntax of CommonMark and GitHub tables: escaped wherever it appears. Parentheses and
   * {@code !} stay as they are: with every bracket escaped they can open no link or image, and
   * escaping them would only lengthen clinical text that the card budget then cuts.
   */
  private static final String SYNTAX = "\\`*_{}[]<>|~&";

  /** Block syntax, escaped at the start of the text only: "- ", "# ", "+ ", "= ", "1. ". */
  private static final String LEADING = "#-+=";

  /** {@link #SYNTAX} as a lookup by character. */
  private static final boolean[] ESCAPED = new boolean[128];

  static {
    SYNTAX.chars().forEach(c -> ESCAPED[c] = true);
  }

  /**
   * Text safe inside a table cell or a list item, whatever it holds: record text such as a
   * medication name {@code <img src=x onerror=…>}, {@code ![p](http://…)} or {@code
   * [x](javascript:…)} renders as those characters, never as an element, an image or a link. Line
   * breaks become spaces and control characters are dropped.
   */
  static String text(String value) {
    if (plain(value)) {
      return escapeOrderedListStart(value);
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        continue;
      } else if (syntax(c) || (out.isEmpty() && LEADING.indexOf(c) >= 0)) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return escapeOrderedListStart(out.toString());
  }

  /**
   * Text that {@link #text} would copy unchanged, checked without building a copy: most card text
   * (the knowledge's own sentences) is plain, and copying it character by character was a quarter
   * of rendering a card (issue 30).
   */
  private static boolean plain(String value) {
    if (!value.isEmpty() && LEADING.indexOf(value.charAt(0)) >= 0) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || syntax(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean syntax(char c) {
    return c < ESCAPED.length && ESCAPED[c];
  }

  /** "1. text" or "1) text" at the start would open an ordered list. */
  private static String escapeOrderedListStart(String text) {
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits > 0
        && digits < text.length()
        && (text.charAt(digits) == '.' || text.charAt(digits) == ')')) {
      return text.substring(0, digits) + "\\" + text.substring(digits);
    }
    return text;
  }

  /**
   * Record references, each in code style: {@code `Observation/abi-left`}, {@code
   * `QuestionnaireResponse/qr1#fever`}. Only {@code Type/id} with a FHIR id (and a linkId made of
   * the same characters) goes into a code span, which then cannot hold a backtick; anything else is
   * escaped text.
   */
  static String refs(List<String> references) {
    return references.isEmpty()
        ? ""
        : " ("
            + references.stream()
                .map(r -> codeSafe(r) ? "`" + r + "`" : text(r))
                .collect(Collectors.joining(", "))
            + ")";
  }

  private static boolean codeSafe(String reference) {
    int hash = reference.indexOf('#');
    return hash < 0
        ? FhirId.validReference(reference)
        : FhirId.validReference(reference.substring(0, hash))
            && FhirId.valid(reference.substring(hash + 1));
  }

  /** The clinical phrase of a finding, without its parenthesised threshold: "ABI 0.58 left". */
  static String phrase(String findingText) {
    int paren = findingText.indexOf(" (");
    String phrase = paren > 0 ? findingText.substring(0, paren) : findingText;
    String first = phrase.split(" ", 2)[0];
    boolean acronym = first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT));
    return phrase.isEmpty() || acronym
        ? phrase
        : Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
  }

  /** Keeps a one-line summary under the 140-character limit of CDS Hooks 2.0. */
  static String summary(String text) {
    int max = Card.MAX_SUMMARY_LENGTH;
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
