package org.nocturne.cdshooks;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The context fields each hook requires, from the hook definitions (patient-view 1.0, order-select
 * 1.0, order-sign 1.1): their presence and JSON shape.
 */
final class HookContextRules {
  private enum Shape {
    STRING,
    STRING_ARRAY,
    BUNDLE
  }

  private record Field(String name, Shape shape) {}

  private static final Field USER_ID = new Field("userId", Shape.STRING);
  private static final Field PATIENT_ID = new Field("patientId", Shape.STRING);
  private static final Field SELECTIONS = new Field("selections", Shape.STRING_ARRAY);
  private static final Field DRAFT_ORDERS = new Field("draftOrders", Shape.BUNDLE);

  private static final Map<String, List<Field>> REQUIRED =
      Map.of(
          "patient-view", List.of(USER_ID, PATIENT_ID),
          "order-select", List.of(USER_ID, PATIENT_ID, SELECTIONS, DRAFT_ORDERS),
          "order-sign", List.of(USER_ID, PATIENT_ID, DRAFT_ORDERS));

  private HookContextRules() {}

  static boolean knows(String hook) {
    return REQUIRED.containsKey(hook);
  }

  /** Throws a 400 naming the first missing or malformed field. */
  static void check(String hook, JsonNode context) {
    for (Field field : REQUIRED.getOrDefault(hook, List.of())) {
      JsonNode value = context.get(field.name());
      if (value == null || value.isNull()) {
        throw CdsHooksException.badRequest("context." + field.name() + " is required for " + hook);
      }
      if (!hasShape(value, field.shape())) {
        throw CdsHooksException.badRequest(
            "context." + field.name() + " must be " + describe(field.shape()));
      }
    }
  }

  private static boolean hasShape(JsonNode value, Shape shape) {
    return switch (shape) {
      case STRING -> value.isString() && !value.asString().isBlank();
      case STRING_ARRAY -> value.isArray() && !value.isEmpty() && allStrings(value);
      case BUNDLE -> value.isObject() && "Bundle".equals(value.path("resourceType").asString(""));
    };
  }

  private static boolean allStrings(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isString()) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Shape shape) {
    return switch (shape) {
      case STRING -> "a non-empty string";
      case STRING_ARRAY -> "a non-empty array of strings";
      case BUNDLE -> "a FHIR Bundle";
    };
  }
}
