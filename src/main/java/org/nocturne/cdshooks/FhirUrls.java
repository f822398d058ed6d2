package org.nocturne.cdshooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard's comparison of URLs: not a text prefix ({@code …/fhir/../admin} starts with
 * {@code …/fhir/}) but scheme, host, port and decoded path segments, with dot segments, encoded
 * slashes, user info and fragments refused outright. Also the one percent-encoder of the queries we
 * build.
 */
public final class FhirUrls {
  private FhirUrls() {}

  /** A URL parsed for comparison: lower-case scheme and host, explicit port, decoded segments. */
  record Parsed(String scheme, String host, int port, List<String> segments) {}

  /** Whether {@code candidate} is {@code base} itself or below it, on the same origin. */
  public static boolean within(String base, String candidate) {
    Optional<Parsed> allowed = parse(base);
    Optional<Parsed> target = parse(candidate);
    if (allowed.isEmpty() || target.isEmpty()) {
      return false;
    }
    Parsed a = allowed.get();
    Parsed t = target.get();
    List<String> prefix = withoutTrailingEmpty(a.segments());
    List<String> path = t.segments();
    return a.scheme().equals(t.scheme())
        && a.host().equals(t.host())
        && a.port() == t.port()
        && path.size() >= prefix.size()
        && path.subList(0, prefix.size()).equals(prefix);
  }

  /**
   * Whether a URL may be a FHIR base ({@code fhirServer}, an allowlist entry): fit to be contacted
   * and without a query, which every request would otherwise carry along ({@code
   * https://ehr/fhir?x=} makes {@code …/fhir?x=/Patient/1}).
   */
  public static boolean isBase(String url) {
    if (parse(url).isEmpty()) {
      return false;
    }
    try {
      return new URI(url).getRawQuery() == null && !url.contains("?");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Empty when the URL is not an absolute http(s) URL fit to be contacted. */
  static Optional<Parsed> parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getRawAuthority() == null
        || uri.getRawUserInfo() != null
        || uri.getHost() == null
        || uri.getRawFragment() != null) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (rawPath.contains("\\")) {
      return Optional.empty();
    }
    String[] parts = rawPath.isEmpty() ? new String[0] : rawPath.substring(1).split("/", -1);
    for (String raw : parts) {
      String lower = raw.toLowerCase(Locale.ROOT);
      // compared as the receiving container will see it: Tomcat (and others) drop a segment's
      // ";parameters", so "..;x" is "..", and decode "%2e" to a dot; neither has a place in a
      // FHIR URL, so both are refused rather than normalised one way here and another there
      if (lower.contains("%2f")
          || lower.contains("%5c")
          || raw.indexOf(';') >= 0
          || lower.contains("%3b")
          || lower.contains("%2e")) {
        return Optional.empty();
      }
      String segment;
      try {
        segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (segment.matches("\\.+") || segment.indexOf('\0') >= 0) {
        return Optional.empty();
      }
      segments.add(segment);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return Optional.of(
        new Parsed(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, List.copyOf(segments)));
  }

  private static List<String> withoutTrailingEmpty(List<String> segments) {
    return !segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()
        ? segments.subList(0, segments.size() - 1)
        : segments;
  }

  /**
   * Percent-encodes every UTF-8 byte of {@code text} but ASCII letters, digits and the characters
   * of {@code keep}, as {@code %XX} in upper case.
   */
  public static String percentEncode(String text, String keep) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean kept =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || keep.indexOf(c) >= 0;
      if (kept) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }
}
