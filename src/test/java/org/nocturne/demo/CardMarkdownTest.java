package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardMarkdownTest {

  @Test
  void rendersTheMarkdownOfACardDetail_tablesIncluded() {
    String html =
        CardMarkdown.toSafeHtml(
            "**Found**\n\n- ABI 0.38 (`Observation/abi`)\n\n| Cause | Score |\n|---|---|\n| PAD | 14 |");

    assertThat(html)
        .contains("<strong>Found</strong>")
        .contains("<li>ABI 0.38 (<code>Observation/abi</code>)</li>")
        .contains("<table>")
        .contains("<td>PAD</td>");
  }

  @Test
  void rawHtmlAndScriptsInTheMarkdownNeverReachThePage() {
    String html =
        CardMarkdown.toSafeHtml(
            "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:void)");

    assertThat(html)
        .contains("&lt;script&gt;")
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("href=\"javascript");
  }

  @Test
  void linksOpenInANewTabWithoutTellingTheTargetAboutTheChart() {
    String html = CardMarkdown.toSafeHtml("[ESVS 2019](https://example.org/guideline)");

    assertThat(html)
        .contains("href=\"https://example.org/guideline\"")
        .contains("target=\"_blank\"")
        .contains("noopener")
        .contains("noreferrer");
  }

  @Test
  void anEmptyDetailRendersNothing() {
    assertThat(CardMarkdown.toSafeHtml(null)).isEmpty();
    assertThat(CardMarkdown.toSafeHtml("  ")).isEmpty();
  }
}
