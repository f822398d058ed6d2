package org.nocturne.cdshooks.security;

/**
 * Values a caller chose (a JWT header, an issuer, a path) made fit for one log line: quoted,
 * printable ASCII kept as is (slashes included, so URLs stay readable), everything else (CR, LF,
 * ANSI escapes, non-ASCII) written as {@code \\uXXXX}, and cut at 120 characters. No caller can
 * start a new line or recolour the terminal.
 */
final class LogSafe {
  private static final int MAX = 120;

  private LogSafe() {}

  static String quote(Object value) {
    if (value == null) {
      return "-";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8).append('"');
    for (int i = 0; i < text.length() && i < MAX; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (text.length() > MAX) {
      out.append("…");
    }
    return out.append('"').toString();
  }
}
