package org.nocturne.cdshooks;

/**
 * Topic codes as opaque strings in their two spellings: release 1 wrote them with hyphens ({@code
 * deep-vein-thrombosis}), CodeSystem version 2 writes them in lowerCamelCase ({@code
 * deepVeinThrombosis}, the only form Epic accepts). Wherever a code is read back or compared, it is
 * compared in today's spelling.
 */
public final class TopicCodes {
  private TopicCodes() {}

  /** The lowerCamelCase spelling of a code given in either form. */
  public static String currentSpelling(String code) {
    String trimmed = code.trim();
    if (trimmed.indexOf('-') < 0) {
      return trimmed;
    }
    StringBuilder camel = new StringBuilder(trimmed.length());
    boolean upper = false;
    for (char c : trimmed.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
