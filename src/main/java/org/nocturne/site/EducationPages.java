package org.nocturne.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.knowledge.EvidenceGrade;
import org.nocturne.clinical.knowledge.Knowledge;
import org.nocturne.clinical.knowledge.Knowledge.Help;

/**
 * Short self-care pages for patients, one per cause, in plain words (a reading age of 11 to 12):
 * what the cause is, what helps, what to avoid, and when to get help, from "call emergency services
 * now" down to "book a visit". Every text comes from the knowledge file.
 *
 * <p>A variant leaves out the advice a card withheld for its patient (no fluids in heart failure,
 * no heat with neuropathy) and says why instead, so the page never contradicts the card that links
 * to it. The variant is named by advice codes only: no patient data reaches the URL.
 */
final class EducationPages {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;"
          + "line-height:1.5;font-size:1.1em}h1{font-size:1.5em}"
          + ".warn{border-left:4px solid #b00;padding-left:1em}"
          + ".emergency{border:2px solid #b00;padding:0 1em}";

  private final Knowledge knowledge;

  EducationPages(Knowledge knowledge) {
    this.knowledge = knowledge;
  }

  Optional<String> page(String causeCode) {
    return page(causeCode, List.of());
  }

  /**
   * @param without codes of advice to leave out ({@link Advice#key()} of advice that can be
   *     withheld: hydration, heat, leg-elevation); anything else is ignored, never echoed
   */
  Optional<String> page(String causeCode, Collection<String> without) {
    Set<Advice> withheld = EnumSet.noneOf(Advice.class);
    for (String code : without) {
      // only advice the service can withhold, each with the reason the page gives instead
      Advice.fromKey(code.trim())
          .filter(advice -> knowledge.patientWithheld(advice).isPresent())
          .ifPresent(withheld::add);
    }
    return Arrays.stream(Cause.values())
        .filter(c -> c.code().equals(causeCode))
        .findFirst()
        .map(cause -> render(cause, withheld));
  }

  private String render(Cause cause, Set<Advice> withheld) {
    Knowledge.Education education = knowledge.education(cause);
    String opening =
        withheld.stream()
            .map(advice -> knowledge.educationTextWithout(cause, advice))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(education.text());
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(education.title()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><h1>")
        .append(escape(education.title()))
        .append("</h1><p>")
        .append(escape(opening))
        .append(
            "</p><p>Your doctor or nurse thinks this may be why your legs trouble you at night.")
        .append(" These steps can help. They do not take the place of what your doctor tells you.")
        .append("</p><h2>What can help</h2><ul>");
    Set<String> warnings = new LinkedHashSet<>();
    int helps = 0;
    for (Advice advice : Advice.values()) {
      if (advice.helps().contains(cause) && !withheld.contains(advice)) {
        html.append("<li>").append(escape(knowledge.patientAdvice(advice))).append("</li>");
        helps++;
      }
    }
    if (helps == 0) {
      html.append("<li>Ask your doctor or nurse which steps are right for you.</li>");
    }
    html.append("</ul>");
    // Advice that is unsafe for this cause: raising ischemic legs, heat on numb feet.
    if (cause == Cause.PERIPHERAL_ARTERY_DISEASE) {
      knowledge.patientWithheld(Advice.LEG_ELEVATION).ifPresent(warnings::add);
    }
    if (cause == Cause.PERIPHERAL_NEUROPATHY) {
      knowledge.patientWithheld(Advice.HEAT).ifPresent(warnings::add);
    }
    // ...and what the card withheld for this patient, whatever the cause
    for (Advice advice : withheld) {
      knowledge.patientWithheld(advice).ifPresent(warnings::add);
    }
    for (String warning : warnings) {
      html.append("<p class=\"warn\">").append(escape(warning)).append("</p>");
    }
    html.append("<div class=\"emergency\">");
    list(html, "Call emergency services or go to an emergency department now if", Help.EMERGENCY);
    html.append("</div>");
    list(html, "See a doctor today if", Help.SAME_DAY);
    list(html, "Book a visit with your doctor if", Help.SOON);
    html.append("<p><small>Nocturne CDS. Based on: ")
        .append(escape(sources(cause)))
        .append("</small></p></body></html>");
    return html.toString();
  }

  private void list(StringBuilder html, String heading, Help level) {
    html.append("<h2>").append(escape(heading)).append("</h2><ul>");
    for (String sign : knowledge.help(level).text().split("\\s*\\|\\s*")) {
      html.append("<li>").append(escape(sign)).append("</li>");
    }
    html.append("</ul>");
  }

  /** The page's sources, each once, without the internal evidence grades. */
  private String sources(Cause cause) {
    Set<String> named = new LinkedHashSet<>();
    List<String> all = new ArrayList<>();
    all.add(knowledge.education(cause).source());
    for (Help level : Help.values()) {
      all.add(knowledge.help(level).source());
    }
    for (String source : all) {
      for (String part : EvidenceGrade.strip(source).split(";\\s*")) {
        named.add(part.trim());
      }
    }
    return String.join("; ", named);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
