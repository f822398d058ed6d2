package org.nocturne.site;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.knowledge.EvidenceGrade;
import org.nocturne.clinical.knowledge.Knowledge;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /about}: the page every card's {@code source.url} points to (contract, "Card budget"):
 * what the service does, when it speaks, the sources it rests on, and its limits. No patient data.
 */
@RestController
class AboutController {
  private final String html;

  AboutController(Knowledge knowledge, ComplaintWindow window) {
    StringBuilder sources = new StringBuilder();
    for (String source : knowledge.sources()) {
      sources
          .append("<li>")
          .append(HtmlUtils.htmlEscape(EvidenceGrade.strip(source)))
          .append("</li>\n");
    }
    this.html =
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Nocturne CDS: about</title></head>
        <body>
        <h1>Nocturne CDS</h1>
        <p>Clinical decision support for night-time leg pain in adults, inside the electronic
        health record (CDS Hooks 2.0). It ranks %d causes (%s), raises red flags (%s), names
        drugs that may cause the symptoms, and checks orders for harm.</p>
        <h2>When it speaks</h2>
        <p>Only about a current complaint: a Nocturne questionnaire answered in the last %s,
        or a leg-pain diagnosis recorded or begun in the last %s. Otherwise it stays silent.
        Older answers raise nothing. Under 18 it offers no adult advice.</p>
        <h2>Limits</h2>
        <p>It supports and never replaces clinical judgement. It sees only the record and the
        patient's answers; it does not examine the patient, so examination items (for example of
        the Wells score) are not scored. Red flags are prompts to assess, not diagnoses. Cause
        scores are points of evidence, not probabilities, and are not calibrated against
        outcomes.</p>
        <h2>Sources</h2>
        <ul>
        %s</ul>
        </body></html>
        """
            .formatted(
                Cause.values().length,
                HtmlUtils.htmlEscape(
                    Arrays.stream(Cause.values())
                        .map(knowledge::shortName)
                        .collect(Collectors.joining(", "))),
                HtmlUtils.htmlEscape(
                    Arrays.stream(RedFlag.values())
                        .map(flag -> lowerFirst(knowledge.flag(flag).display()))
                        .collect(Collectors.joining("; "))),
                Periods.words(window.questionnaireMaxAge()),
                Periods.words(window.complaintMaxAge()),
                sources);
  }

  private static String lowerFirst(String display) {
    return Character.toLowerCase(display.charAt(0)) + display.substring(1);
  }

  @GetMapping(value = "/about", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> about() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }
}
