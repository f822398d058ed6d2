package org.nocturne;

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
}
