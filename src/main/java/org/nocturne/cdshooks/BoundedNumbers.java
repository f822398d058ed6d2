package org.nocturne.cdshooks;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * A parser that refuses numbers whose value, not only whose text, is out of bounds, and counts the
 * tokens of one document against a caller's own limit. Jackson bounds a number's digits, not its
 * exponent: {@code 1e999999999} is 11 characters, and HAPI (its parser, its validator, {@code
 * DecimalType}) turns it into a BigDecimal whose plain text has a billion digits; the heap runs out
 * and the JVM exits. Every number is checked here before any tree or record holds it.
 */
final class BoundedNumbers extends JsonParserDelegate {
  /** Beyond a double's range (1.8e308, 4.9e-324) no clinical value lies. */
  static final int MAX_EXPONENT = 330;

  private final long maxTokens;
  private long tokens;

  BoundedNumbers(JsonParser parser, long maxTokens) {
    super(parser);
    this.maxTokens = maxTokens;
  }

  @Override
  public JsonToken nextToken() {
    JsonToken token = super.nextToken();
    if (token == null) {
      return null;
    }
    if (++tokens > maxTokens) {
      throw new StreamConstraintsException(
          "more than " + maxTokens + " JSON tokens", currentTokenLocation());
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      check(getString());
    }
    return token;
  }

  /** Refuses an exponent past {@link #MAX_EXPONENT} and a value a double cannot hold. */
  private void check(String number) {
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    if (e >= 0) {
      int start = e + 1;
      if (start < number.length() && (number.charAt(start) == '-' || number.charAt(start) == '+')) {
        start++;
      }
      // leading zeros cannot hide a large exponent: strip them before counting digits
      while (start < number.length() - 1 && number.charAt(start) == '0') {
        start++;
      }
      String digits = number.substring(start);
      if (digits.length() > 3 || Integer.parseInt(digits) > MAX_EXPONENT) {
        throw refused();
      }
    }
    if (!Double.isFinite(getDoubleValue())) {
      throw refused();
    }
  }

  private StreamConstraintsException refused() {
    return new StreamConstraintsException(
        "a number out of range (exponent over " + MAX_EXPONENT + ")", currentTokenLocation());
  }
}
