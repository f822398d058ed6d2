package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * JSON from outside is bounded by value, not only by bytes, before any tree or HAPI holds it: a
 * number's exponent (HAPI turns {@code 1e999999999} into a billion-digit BigDecimal), depth, string
 * length, number length and tokens.
 */
class BoundedJsonTest {
  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void numbersWithAnExponentNoValueHasAreRefused() {
    for (String number :
        List.of(
            "1e999999999",
            "-1E+999999999",
            "1e-999999999",
            "1.5e0000000000000999999",
            "9e308",
            "1e331")) {
      assertThatThrownBy(() -> CdsJson.readTree(json("{\"valueDecimal\":" + number + "}")))
          .as(number)
          .isInstanceOf(StreamConstraintsException.class);
      assertThatThrownBy(() -> CdsJson.readTree(json("[" + number + "]")))
          .as(number)
          .isInstanceOf(StreamConstraintsException.class);
      assertThatThrownBy(() -> CdsJson.readValue(json("{\"a\":" + number + "}"), Object.class))
          .as(number)
          .isInstanceOf(StreamConstraintsException.class);
    }
  }

  @Test
  void ordinaryNumbersAreReadAsBefore() {
    assertThat(
            CdsJson.readTree(json("{\"a\":0.58,\"b\":1.0E21,\"c\":-3e-5,\"d\":12,\"e\":1e308}"))
                .toString())
        .isEqualTo(
            CdsJson.mapper()
                .readTree("{\"a\":0.58,\"b\":1.0E21,\"c\":-3e-5,\"d\":12,\"e\":1e308}")
                .toString());
  }

  @Test
  void depthStringLengthNumberLengthAndTokensAreBounded() {
    String deep = "[".repeat(CdsJson.MAX_DEPTH + 1) + "]".repeat(CdsJson.MAX_DEPTH + 1);
    String longString = "[\"" + "x".repeat(CdsJson.MAX_STRING_LENGTH + 1) + "\"]";
    String longNumber = "[" + "9".repeat(CdsJson.MAX_NUMBER_LENGTH + 1) + "]";
    String manyValues = "[" + "1,".repeat(999) + "1]";

    assertThatThrownBy(() -> CdsJson.readTree(json(deep)))
        .isInstanceOf(StreamConstraintsException.class);
    assertThatThrownBy(() -> CdsJson.readTree(json(longString)))
        .isInstanceOf(StreamConstraintsException.class);
    assertThatThrownBy(() -> CdsJson.readTree(json(longNumber)))
        .isInstanceOf(StreamConstraintsException.class);
    assertThatThrownBy(() -> CdsJson.readTree(json(manyValues), 500))
        .isInstanceOf(StreamConstraintsException.class);
    assertThat(CdsJson.readTree(json(manyValues), 1002).size()).isEqualTo(1000);
  }

  @Test
  void trailingContentIsRefused() {
    assertThatThrownBy(() -> CdsJson.readTree(json("{} {}"))).isInstanceOf(JacksonException.class);
  }
}
