package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Random strings drawn from an alphabet chosen to reach a cleaner's edge cases. */
public final class RandomText {
  private RandomText() {}

  /**
   * A string of 0 to {@code maxLength - 1} characters of {@code alphabet}, one UTF-16 unit each.
   */
  public static String of(RandomGenerator random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  /** {@code ours} answers as {@code reference} on {@code count} random strings. */
  public static void assertAgree(
      RandomGenerator random,
      String alphabet,
      int maxLength,
      int count,
      Function<String, ?> ours,
      Function<String, ?> reference) {
    for (int i = 0; i < count; i++) {
      String text = of(random, alphabet, maxLength);
      assertThat(ours.apply(text)).as("%s", text).isEqualTo(reference.apply(text));
    }
  }
}
