package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** An {@code absolute} URL is opened as-is; a {@code smart} one is a SMART app launch URL. */
public enum LinkType {
  ABSOLUTE("absolute"),
  SMART("smart");

  private final String wire;

  LinkType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}
