package org.nocturne.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /education/{cause}}: the self-care page for one cause, as HTML; an unknown cause is a
 * plain 404 (a patient's browser has no use for an OperationOutcome). {@code
 * ?without=heat,hydration} leaves out advice the linking card withheld; unknown codes are ignored.
 */
@RestController
class EducationController {
  private final EducationPages pages;

  EducationController(EducationPages pages) {
    this.pages = pages;
  }

  @GetMapping(value = "/education/{cause}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(
      @PathVariable String cause,
      @RequestParam(name = "without", required = false) List<String> without) {
    return pages
        .page(cause, without == null ? List.of() : without)
        .map(
            html ->
                ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(html))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
