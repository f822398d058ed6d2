package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nocturne.RandomText;

/** {@link CdsHooksException#safe}: what an id echoed into a log line or an error looks like. */
class SafeIdTest {

  /** The regex the loop replaced, kept as the reference the loop must agree with. */
  private static String byRegex(String text) {
    String printable = text.replaceAll("[^A-Za-z0-9._-]", "?");
    return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
  }

  @Test
  void keepsAnIdAsItIs() {
    assertThat(CdsHooksException.safe("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"))
        .isEqualTo("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
  }

  @Test
  void replacesWhatCouldForgeALogLineAndShortensTheRest() {
    assertThat(CdsHooksException.safe("a\nservice=x status=200"))
        .isEqualTo("a?service?x?status?200");
    assertThat(CdsHooksException.safe("x".repeat(65))).isEqualTo("x".repeat(64) + "…");
    assertThat(CdsHooksException.safe("x".repeat(64))).isEqualTo("x".repeat(64));
    assertThat(CdsHooksException.safe("\uD83D\uDE00id")).isEqualTo("?id");
  }

  @Test
  void agreesWithTheRegexOnRandomText() {
    Random random = new Random(30);
    String alphabet = "aZ09._-/ \n\t\"=é…\uD83D\uDE00\uD800";
    RandomText.assertAgree(
        random, alphabet, 80, 5_000, CdsHooksException::safe, SafeIdTest::byRegex);
  }
}
