package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.CardChecks;
import org.nocturne.RandomText;
import org.nocturne.cdshooks.CdsJson;

/**
 * Record text never becomes live markup (issue 19.2): whatever a medication text or an id holds, a
 * CommonMark renderer turns the card detail into no element, image or link.
 */
class MarkdownTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<img src=x onerror=alert(1)>",
        "![p](http://beacon.example/p.png)",
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "<https://evil.example>",
        "&lt;img src=x&gt; &#60;script&#62;",
        "# heading",
        "- item",
        "+ item",
        "1. item",
        "> quote",
        "`code` **bold** _em_ ~~strike~~ | cell |",
        "[ref]: http://evil.example\\n[ref]",
        "line\\n<div>block</div>"
      })
  void recordTextRendersAsText(String record) {
    String value = record.replace("\\n", "\n");
    String detail =
        "**Found**\n\n- "
            + Markdown.text(value)
            + "\n\n| a | b |\n|---|---|\n| "
            + Markdown.text(value)
            + " | x |\n";

    CardChecks.assertInert(detail);
  }

  @Test
  void anIdThatIsNotAFhirIdNeverBreaksOutOfACodeSpan() {
    String refs =
        Markdown.refs(
            List.of(
                "Observation/abi-left",
                "Condition/a`b) ![x](http://e/x.png)",
                "QuestionnaireResponse/qr1#fever"));

    assertThat(refs)
        .contains("`Observation/abi-left`")
        .contains("`QuestionnaireResponse/qr1#fever`");
    assertThat(refs).doesNotContain("`Condition/");
    CardChecks.assertInert("- finding" + refs);
  }

  /** Every card of every example answer renders without markup. */
  @Test
  void everyExampleCardRendersWithoutLiveMarkup() throws IOException {
    List<Path> answers;
    try (Stream<Path> files = Files.walk(Path.of("hooks"))) {
      answers = files.filter(p -> p.toString().endsWith(".response.json")).sorted().toList();
    }
    assertThat(answers).hasSizeGreaterThan(30);
    for (Path answer : answers) {
      var json = CdsJson.mapper().readTree(Files.readString(answer));
      if (json.has("cards")) {
        CardChecks.assertValidAndInert(json);
      }
    }
  }

  /** The plain-text shortcut changes nothing: the same output as the escaping loop alone. */
  @Test
  void plainTextShortcutAgreesWithTheEscapingLoop() {
    Random random = new Random(30);
    String alphabet = "ab1. )#-+=\\`*_{}[]<>|~&!()\n\r\t\u0000\u0085é€7";
    RandomText.assertAgree(
        random, alphabet, 12, 20_000, Markdown::text, MarkdownTest::escapedCharByChar);
    assertThat(Markdown.text("Urgent vascular referral")).isSameAs("Urgent vascular referral");
  }

  /** The escaping as written before the shortcut, character by character. */
  private static String escapedCharByChar(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        continue;
      } else if ("\\`*_{}[]<>|~&".indexOf(c) >= 0 || (out.isEmpty() && "#-+=".indexOf(c) >= 0)) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    String text = out.toString();
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    return digits > 0
            && digits < text.length()
            && (text.charAt(digits) == '.' || text.charAt(digits) == ')')
        ? text.substring(0, digits) + "\\" + text.substring(digits)
        : text;
  }
}
