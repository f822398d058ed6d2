package org.nocturne.service;

import java.util.Arrays;
import java.util.Optional;
import org.nocturne.clinical.Advice;
import org.nocturne.clinical.Cause;
import org.nocturne.clinical.Knowledge;

/**
 * Short self-care pages for patients, one per cause, written from the knowledge file: the advice
 * that helps that cause, what to avoid, and when to seek help (the seed article's red flags).
 */
final class EducationPages {
  private final Knowledge knowledge;

  EducationPages(Knowledge knowledge) {
    this.knowledge = knowledge;
  }

  Optional<String> page(String causeCode) {
    return Arrays.stream(Cause.values())
        .filter(c -> c.code().equals(causeCode))
        .findFirst()
        .map(this::render);
  }

  private String render(Cause cause) {
    StringBuilder html = new StringBuilder();
    String title = "Leg pain at night: " + knowledge.shortName(cause);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(title))
        .append("</title>")
        .append(
            "<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5}")
        .append(
            "h1{font-size:1.5em}.warn{border-left:4px solid #b00;padding-left:1em}</style></head><body>")
        .append("<h1>")
        .append(escape(title))
        .append("</h1>")
        .append("<p>Your clinician thinks your night-time leg pain may come from <strong>")
        .append(escape(knowledge.name(cause).toLowerCase(java.util.Locale.ROOT)))
        .append(
            "</strong>. These steps can help. They do not replace the advice of your clinician.</p><h2>What can help</h2><ul>");
    for (Advice advice : Advice.values()) {
      if (advice.helps().contains(cause)) {
        html.append("<li>").append(escape(knowledge.advice(advice).text())).append("</li>");
      }
    }
    html.append("</ul>");
    if (cause == Cause.PERIPHERAL_ARTERY_DISEASE) {
      html.append("<p class=\"warn\">")
          .append(escape(knowledge.withheld(Advice.LEG_ELEVATION).text()))
          .append(
              " Do not use compression stockings unless your clinician has checked the blood flow in your legs.</p>");
    }
    if (cause == Cause.PERIPHERAL_NEUROPATHY) {
      html.append("<p class=\"warn\">")
          .append(escape(knowledge.withheld(Advice.HEAT).text()))
          .append("</p>");
    }
    html.append("<h2>Get help the same day if</h2><ul>");
    for (String sign : SAME_DAY) {
      html.append("<li>").append(escape(sign)).append("</li>");
    }
    html.append("</ul><h2>See your clinician soon if</h2><ul>")
        .append(
            "<li>the pain is severe, keeps coming back, or does not improve with these steps;</li>")
        .append(
            "<li>it regularly wakes you, or comes with a fever or weight loss you cannot explain;</li>")
        .append("<li>your skin changes, a sore does not heal, or a leg swells.</li></ul>")
        .append("<p><small>Nocturne CDS. Sources: ")
        .append(escape(sources(cause)))
        .append("</small></p></body></html>");
    return html.toString();
  }

  /**
   * The same-day red flags (acute ischemia, DVT, cauda equina, neurological deficit) in patient
   * words.
   */
  private static final java.util.List<String> SAME_DAY =
      java.util.List.of(
          "a leg or foot suddenly becomes cold, pale or numb, or you cannot move it;",
          "one leg becomes swollen, warm and painful, above all if you are short of breath;",
          "you have numbness between your legs or around your bottom, or new trouble passing or holding urine or stools;",
          "you develop new weakness or numbness in a leg.");

  private String sources(Cause cause) {
    StringBuilder sources = new StringBuilder();
    for (Advice advice : Advice.values()) {
      if (advice.helps().contains(cause)) {
        sources.append(sources.length() == 0 ? "" : "; ").append(knowledge.advice(advice).source());
      }
    }
    return sources.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
