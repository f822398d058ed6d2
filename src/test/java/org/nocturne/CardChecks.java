package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import tools.jackson.databind.JsonNode;

/**
 * What every CDS Hooks answer must be, checked on the wire JSON: the 2.0 card rules a client relies
 * on, and card details that a CommonMark renderer (with GitHub tables, as EHRs use) turns into no
 * HTML element, image or link: record text never becomes live markup.
 */
public final class CardChecks {
  private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
  private static final List<Extension> GFM = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(GFM).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(GFM).build();

  private CardChecks() {}

  /** A valid CDS Hooks 2.0 response whose every card detail renders without markup. */
  public static void assertValidAndInert(JsonNode response) {
    assertThat(response.isObject()).as("response is an object").isTrue();
    assertThat(response.path("cards").isArray()).as("cards is an array").isTrue();
    for (JsonNode card : response.path("cards")) {
      assertThat(card.path("summary").asString("")).as("summary").isNotBlank().hasSizeLessThan(140);
      assertThat(INDICATORS).contains(card.path("indicator").asString(""));
      assertThat(card.path("source").path("label").asString("")).isNotBlank();
      if (card.has("suggestions")) {
        assertThat(card.path("selectionBehavior").asString("")).isNotBlank();
        for (JsonNode suggestion : card.path("suggestions")) {
          assertThat(suggestion.path("label").asString("")).isNotBlank();
          for (JsonNode action : suggestion.path("actions")) {
            if ("delete".equals(action.path("type").asString(""))) {
              assertThat(action.path("resourceId").asString(""))
                  .matches("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");
            }
          }
        }
      }
      assertInert(card.path("detail").asString(""));
    }
  }

  /** No HTML, image or link node in the rendered Markdown. */
  public static void assertInert(String markdown) {
    Node document = PARSER.parse(markdown);
    List<String> live = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(HtmlInline node) {
            live.add("inline HTML " + node.getLiteral());
          }

          @Override
          public void visit(HtmlBlock node) {
            live.add("HTML block " + node.getLiteral());
          }

          @Override
          public void visit(Image node) {
            live.add("image " + node.getDestination());
          }

          @Override
          public void visit(Link node) {
            live.add("link " + node.getDestination());
          }
        });
    assertThat(live).as("live markup in: %s", markdown).isEmpty();
    String html = HTML.render(document);
    assertThat(html).doesNotContain("<img", "<script", "<a ", "<iframe", "<div");
  }
}
