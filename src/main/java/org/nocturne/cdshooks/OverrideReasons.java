package org.nocturne.cdshooks;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The override reason of a feedback item, in every form real EHRs send it: the 2.0 {@code
 * overrideReason} object, and Epic's {@code overrideReasons} (an object or a list), each reason a
 * {@code {reason, userComment}} object or a bare Coding, with or without Epic's extension keys,
 * with or without {@code display}. The first reason found is the one recorded; a comment may ride
 * in an extension.
 */
final class OverrideReasons {
  /**
   * The system recorded for a reason that came without one: the EHR echoes a code the card offered,
   * and the code is what is matched.
   */
  static final String NO_SYSTEM = "urn:nocturne:feedback:no-system";

  private OverrideReasons() {}

  /**
   * @return the reason, or {@code null} when neither form names a reason or a comment (an empty 2.0
   *     {@code overrideReason} object stays empty, for the validator)
   */
  static Feedback.OverrideReason read(JsonNode overrideReason, JsonNode overrideReasons) {
    Feedback.OverrideReason found = first(overrideReason);
    if (found == null) {
      found = first(overrideReasons);
    }
    if (found == null && overrideReason != null && overrideReason.isObject()) {
      // 2.0's own form, empty: kept empty so the validator answers 400 as 2.0 §Feedback asks
      return new Feedback.OverrideReason(null, null);
    }
    return found;
  }

  private static Feedback.OverrideReason first(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        Feedback.OverrideReason reason = one(element);
        if (reason != null) {
          return reason;
        }
      }
      return null;
    }
    return one(node);
  }

  private static Feedback.OverrideReason one(JsonNode element) {
    if (element == null || !element.isObject()) {
      return null;
    }
    JsonNode reason = element.get("reason");
    if (reason == null && element.has("code")) {
      reason = element; // a bare Coding
    }
    JsonNode extension = element.path("extension");
    Coding coding = coding(reason, extension);
    String comment = text(element.get("userComment"));
    if (comment == null) {
      comment = fromExtension(extension, "comment");
    }
    if (comment == null && reason != null && reason != element) {
      comment = fromExtension(reason.path("extension"), "comment");
    }
    return coding == null && comment == null ? null : new Feedback.OverrideReason(coding, comment);
  }

  private static Coding coding(JsonNode reason, JsonNode extension) {
    if (reason == null || !reason.isObject()) {
      return null;
    }
    String code = text(reason.get("code"));
    if (code == null) {
      return null;
    }
    String system = text(reason.get("system"));
    String display = text(reason.get("display"));
    if (display == null) {
      display = fromExtension(extension, "display");
    }
    return new Coding(system == null ? NO_SYSTEM : system, code, display);
  }

  /** A string under an extension key that ends with the word ("…override-reason.comment"). */
  private static String fromExtension(JsonNode extension, String word) {
    if (extension == null || !extension.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> entry : extension.properties()) {
      String key = entry.getKey().toLowerCase(Locale.ROOT);
      if (key.endsWith(word) || key.endsWith(word + "s")) {
        String value = text(entry.getValue());
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
  }
}
