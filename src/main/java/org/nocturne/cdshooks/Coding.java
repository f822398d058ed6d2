package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** CDS Hooks Coding: {@code system} and {@code code} are required, {@code display} is optional. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Coding(String system, String code, String display) {
  public Coding {
    Require.text(system, "Coding.system");
    Require.text(code, "Coding.code");
  }

  public static Coding of(String system, String code) {
    return new Coding(system, code, null);
  }
}
