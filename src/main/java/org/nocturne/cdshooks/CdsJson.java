package org.nocturne.cdshooks;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's one JSON mapper, independent of the application's: unknown fields are ignored (the spec
 * lets clients add fields and extensions), and output follows the records' inclusion rules.
 */
public final class CdsJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private CdsJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
