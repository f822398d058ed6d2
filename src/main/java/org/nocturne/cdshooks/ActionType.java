package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a suggestion's action does to the EHR's data. */
public enum ActionType {
  CREATE("create"),
  UPDATE("update"),
  DELETE("delete");

  private final String wire;

  ActionType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}
