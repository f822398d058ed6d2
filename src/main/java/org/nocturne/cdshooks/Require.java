package org.nocturne.cdshooks;

import java.net.URI;
import java.util.Collection;

/** Fail-fast checks for the compact constructors of the wire records. */
public final class Require {
  private Require() {}

  public static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be empty");
    }
    return value;
  }

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  public static void notEmptyIfPresent(Collection<?> values, String field) {
    if (values != null && values.isEmpty()) {
      throw new IllegalArgumentException(field + " must be omitted rather than empty");
    }
  }

  public static String absoluteUrl(String value, String field) {
    text(value, field);
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not a valid URL");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(field + " must be an absolute URL");
    }
    return value;
  }
}
