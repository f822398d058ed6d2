package org.nocturne.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A prefetch template: a relative FHIR read or search with {@code {{token}}} placeholders (2.0
 * §Prefetch tokens). A token is a root-level primitive context field ({@code context.patientId}) or
 * one of the four user identifiers derived from {@code context.userId}.
 */
public record PrefetchTemplate(String text, List<String> tokens) {
  private static final Pattern TOKEN = Pattern.compile("\\{\\{([^{}]*)}}");
  private static final Pattern CONTEXT_FIELD = Pattern.compile("context\\.[A-Za-z][A-Za-z0-9]*");
  private static final Set<String> USER_TOKENS =
      Set.of(
          "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");

  public PrefetchTemplate {
    tokens = List.copyOf(tokens);
  }

  /** Parses and checks a template; an invalid token is a configuration error. */
  public static PrefetchTemplate parse(String text) {
    Require.text(text, "prefetch template");
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      String token = matcher.group(1).trim();
      if (!CONTEXT_FIELD.matcher(token).matches() && !USER_TOKENS.contains(token)) {
        throw new IllegalArgumentException("invalid prefetch token {{" + token + "}} in " + text);
      }
      tokens.add(token);
    }
    if (text.replaceAll(TOKEN.pattern(), "").contains("{{")) {
      throw new IllegalArgumentException("unterminated prefetch token in " + text);
    }
    return new PrefetchTemplate(text, tokens);
  }

  /** The resource type a read returns, or {@code Bundle} for a search. */
  public String expectedResourceType() {
    int cut = indexOfAny(text, '/', '?');
    String type = cut < 0 ? text : text.substring(0, cut);
    return cut >= 0 && text.charAt(cut) == '/' ? type : "Bundle";
  }

  /**
   * The relative FHIR URL with every token replaced, or empty when a token has no value in this
   * context (for example {@code userPatientId} when a practitioner is the user).
   */
  public Optional<String> resolve(JsonNode context) {
    StringBuilder out = new StringBuilder();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      Optional<String> value = valueOf(matcher.group(1).trim(), context);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(encode(value.get())));
    }
    matcher.appendTail(out);
    return Optional.of(out.toString());
  }

  private static Optional<String> valueOf(String token, JsonNode context) {
    if (token.startsWith("context.")) {
      JsonNode value = context.get(token.substring("context.".length()));
      return value != null && value.isValueNode() && !value.isNull()
          ? Optional.of(value.asString())
          : Optional.empty();
    }
    JsonNode userId = context.get("userId");
    if (userId == null || !userId.isString()) {
      return Optional.empty();
    }
    String prefix = userTypeOf(token) + "/";
    String reference = userId.asString();
    return reference.startsWith(prefix) && reference.length() > prefix.length()
        ? Optional.of(reference.substring(prefix.length()))
        : Optional.empty();
  }

  /**
   * Percent-encodes a token's value as one URL component: only unreserved characters stay, so a
   * value can never add a parameter, a path segment or a fragment to the query.
   */
  static String encode(String value) {
    return FhirUrls.percentEncode(value, "-._~");
  }

  private static String userTypeOf(String token) {
    return token.substring("user".length(), token.length() - "Id".length());
  }

  private static int indexOfAny(String text, char a, char b) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == a || text.charAt(i) == b) {
        return i;
      }
    }
    return -1;
  }
}
