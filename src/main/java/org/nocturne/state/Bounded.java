package org.nocturne.state;

/** Caller-supplied values trimmed to the column they go to, so a long value cannot fail a write. */
final class Bounded {
  private Bounded() {}

  /** An identifier (uuid, code): only letters, digits and {@code ._:-}, at most {@code max}. */
  static String id(String value, int max) {
    if (value == null) {
      return null;
    }
    String clean = value.replaceAll("[^A-Za-z0-9._:-]", "");
    return clean.isEmpty() ? null : clean.substring(0, Math.min(clean.length(), max));
  }

  /** Printable text of at most {@code max} characters. */
  static String text(String value, int max) {
    if (value == null) {
      return null;
    }
    String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
    return clean.isEmpty() ? null : clean.substring(0, Math.min(clean.length(), max));
  }
}
