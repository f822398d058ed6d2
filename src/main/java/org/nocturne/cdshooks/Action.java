package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * One change a suggestion proposes. {@code create} and {@code update} carry a whole FHIR resource;
 * {@code delete} names it by {@code resourceId} ("Type/id") and carries no resource (2.0 §Action).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(
    ActionType type,
    String description,
    JsonNode resource,
    @JsonProperty("resourceId") String resourceId) {
  public Action {
    Require.present(type, "Action.type");
    Require.text(description, "Action.description");
    if (type == ActionType.DELETE) {
      Require.text(resourceId, "Action.resourceId for a delete");
      if (resource != null) {
        throw new IllegalArgumentException("a delete action names its target by resourceId only");
      }
    } else if (resource == null || !resource.isObject() || !resource.has("resourceType")) {
      throw new IllegalArgumentException("a " + type.wire() + " action needs a FHIR resource");
    }
  }

  public static Action create(String description, JsonNode resource) {
    return new Action(ActionType.CREATE, description, resource, null);
  }

  public static Action delete(String description, String resourceId) {
    return new Action(ActionType.DELETE, description, null, resourceId);
  }
}
