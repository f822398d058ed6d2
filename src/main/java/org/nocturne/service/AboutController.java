package org.nocturne.service;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.nocturne.clinical.Knowledge;
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
  private static final Pattern GRADE = Pattern.compile("\\s*\\[(V|M|V-weak)\\]");

  private final String html;

  AboutController(Knowledge knowledge) {
    StringBuilder sources = new StringBuilder();
    for (String source : knowledge.sources()) {
      sources
          .append("<li>")
          .append(HtmlUtils.htmlEscape(GRADE.matcher(source).replaceAll("")))
          .append("</li>\n");
    }
    this.html =
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Nocturne CDS: about</title></head>
        <body>
        <h1>Nocturne CDS</h1>
        <p>Clinical decision support for night-time leg pain in adults, inside the electronic
        health record (CDS Hooks 2.0). It ranks seven causes (leg cramps, restless legs, sciatica,
        peripheral neuropathy, arthritis, peripheral artery disease, venous insufficiency), raises
        red flags (acute and chronic limb-threatening ischemia, deep-vein thrombosis, cauda equina,
        infection or malignancy, neurological deficit, skin change, unexplained swelling), names
        drugs that may cause the symptoms, and checks orders for harm.</p>
        <h2>When it speaks</h2>
        <p>Only about a current complaint: a Nocturne questionnaire answered in the last 30 days,
        or a leg-pain diagnosis recorded or begun in the last 90 days. Otherwise it stays silent.
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
            .formatted(sources);
  }

  @GetMapping(value = "/about", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> about() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }
}
