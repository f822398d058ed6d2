package org.nocturne.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nocturne.RandomText;

/** The character loops answer as the regular expressions they replaced, on random text. */
class BoundedTest {

  private static String reference(String value, int max, boolean id) {
    String clean =
        id ? value.replaceAll("[^A-Za-z0-9._:-]", "") : value.replaceAll("\\p{Cntrl}", " ").strip();
    return clean.isEmpty() ? null : clean.substring(0, Math.min(clean.length(), max));
  }

  @Test
  void idsAndTextsAreCleanedAsTheRegularExpressionsCleanedThem() {
    SplittableRandom random = new SplittableRandom(30);
    String alphabet = "aZ09._:-/ \t\n\u0000\u007f\u00e9\u2028{}\"'<>|+=%";
    for (int i = 0; i < 5_000; i++) {
      String value = RandomText.of(random, alphabet, 40);
      int max = 1 + random.nextInt(30);
      assertThat(Bounded.id(value, max))
          .as("id of %s", value)
          .isEqualTo(reference(value, max, true));
      assertThat(Bounded.text(value, max))
          .as("text of %s", value)
          .isEqualTo(reference(value, max, false));
    }
  }

  @Test
  void nothingLeftIsNull() {
    assertThat(Bounded.id(null, 10)).isNull();
    assertThat(Bounded.id("/// ", 10)).isNull();
    assertThat(Bounded.text(" \t\n", 10)).isNull();
    assertThat(Bounded.id("4f2b-é-x", 7)).isEqualTo("4f2b--x");
  }
}
