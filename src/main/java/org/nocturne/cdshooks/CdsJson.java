package org.nocturne.cdshooks;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's one JSON mapper, independent of the application's: unknown fields are ignored (the spec
 * lets clients add fields and extensions), and output follows the records' inclusion rules.
 *
 * <p>Reading is bounded by JSON values, not only bytes: 4.5 MB of {@code {}} is two million objects
 * and ~140 MB of heap. One document (a request body, a fetched page) may hold at most {@link
 * #MAX_TOKENS} tokens; a 5 MiB FHIR record needs about half of that.
 */
public final class CdsJson {
  /** JSON tokens (values, names, brackets) read from one document. */
  static final long MAX_TOKENS = 1_000_000;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxTokenCount(MAX_TOKENS)
                          .maxNestingDepth(200)
                          .build())
                  .build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private CdsJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
