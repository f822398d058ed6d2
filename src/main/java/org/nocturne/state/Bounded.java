package org.nocturne.state;

/**
 * Caller-supplied values trimmed to the column they go to, so a long value cannot fail a write.
 * Character loops rather than regular expressions: every audit and card row passes here.
 */
final class Bounded {
  private Bounded() {}

  /** An identifier (uuid, code): only letters, digits and {@code ._:-}, at most {@code max}. */
  static String id(String value, int max) {
    if (value == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && clean.length() < max; i++) {
      char c = value.charAt(i);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == ':'
          || c == '-') {
        clean.append(c);
      }
    }
    return clean.isEmpty() ? null : clean.toString();
  }

  /** Printable text of at most {@code max} characters. */
  static String text(String value, int max) {
    if (value == null) {
      return null;
    }
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      // \p{Cntrl}: the C0 controls and DEL
      if (chars[i] < 0x20 || chars[i] == 0x7f) {
        chars[i] = ' ';
      }
    }
    String clean = new String(chars).strip();
    return clean.isEmpty() ? null : clean.substring(0, Math.min(clean.length(), max));
  }
}
