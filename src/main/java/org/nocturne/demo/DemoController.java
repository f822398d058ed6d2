package org.nocturne.demo;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.RedirectView;

/** The chart's entry point and the EHR-side markdown rendering of card details. */
@RestController
@ConditionalOnBooleanProperty("nocturne.demo.enabled")
class DemoController {
  private static final int MAX_DETAILS = 100;

  @GetMapping({"/demo", "/demo/"})
  RedirectView demo() {
    return new RedirectView("/demo/index.html");
  }

  /** Card details in, sanitized HTML out, in the same order. */
  @PostMapping(
      value = "/demo/api/markdown",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  List<String> markdown(@RequestBody List<String> details) {
    return details.stream().limit(MAX_DETAILS).map(CardMarkdown::toSafeHtml).toList();
  }
}
