package org.nocturne.demo;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Card {@code detail} is GitHub-flavoured markdown from a CDS service the EHR does not control: the
 * demo renders it with commonmark (tables included) and then lets only formatting, blocks, tables
 * and http(s) links through the OWASP sanitizer, as an EHR must. Raw HTML in the markdown is
 * escaped before sanitizing, so it shows as text.
 */
final class CardMarkdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

  /** Links open in a new tab and tell the target nothing about the chart. */
  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a", "pre", "hr")
                  .allowUrlProtocols("http", "https")
                  .allowAttributes("href")
                  .onElements("a")
                  .allowAttributes("target")
                  .matching(false, "_blank")
                  .onElements("a")
                  .requireRelsOnLinks("noopener", "noreferrer")
                  .toFactory());

  private CardMarkdown() {}

  static String toSafeHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String html = RENDERER.render(PARSER.parse(markdown));
    return POLICY.sanitize(html.replace("<a href=", "<a target=\"_blank\" href="));
  }
}
