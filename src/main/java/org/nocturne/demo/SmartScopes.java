package org.nocturne.demo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMART App Launch 2.x scopes as the demo's authorization server grants them: the launch and
 * identity scopes, and {@code patient/<Type>.<cruds>} for the types the demo FHIR server holds.
 * Anything else asked for is left out of the grant (RFC 6749 §3.3: the server may grant less).
 */
final class SmartScopes {
  static final Set<String> CONTEXT = Set.of("launch", "launch/patient", "openid", "fhirUser");
  private static final Pattern RESOURCE =
      Pattern.compile("patient/([A-Z][A-Za-z]{1,63}|\\*)\\.(c?r?u?d?s?)");

  /** What a grant allows on one resource type. */
  record Permission(String type, String permissions) {
    boolean allows(char operation) {
      return permissions.indexOf(operation) >= 0;
    }
  }

  private final Set<String> granted;

  private SmartScopes(Set<String> granted) {
    this.granted = granted;
  }

  /** The granted part of a requested scope string, in the order asked. */
  static SmartScopes grant(String requested, Set<String> types) {
    Set<String> granted = new LinkedHashSet<>();
    for (String scope : requested == null ? new String[0] : requested.trim().split("\\s+")) {
      if (CONTEXT.contains(scope)) {
        granted.add(scope);
        continue;
      }
      Matcher m = RESOURCE.matcher(scope);
      if (m.matches()
          && !m.group(2).isEmpty()
          && (m.group(1).equals("*") || types.contains(m.group(1)))) {
        granted.add(scope);
      }
    }
    return new SmartScopes(granted);
  }

  boolean has(String scope) {
    return granted.contains(scope);
  }

  /** The resource permissions granted, {@code *} standing for every type. */
  List<Permission> permissions() {
    return granted.stream()
        .map(RESOURCE::matcher)
        .filter(Matcher::matches)
        .map(m -> new Permission(m.group(1), m.group(2).toLowerCase(Locale.ROOT)))
        .toList();
  }

  @Override
  public String toString() {
    return String.join(" ", granted);
  }
}
