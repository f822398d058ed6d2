package org.nocturne.cdshooks;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's one JSON mapper, independent of the application's: unknown fields are ignored (the spec
 * lets clients add fields and extensions), and output follows the records' inclusion rules.
 *
 * <p>Reading is bounded by JSON values, not only bytes: 4.5 MB of {@code {}} is two million objects
 * and ~140 MB of heap. One document (a request body, a fetched page) may hold at most {@link
 * #MAX_TOKENS} tokens; a 5 MiB FHIR record needs about half of that.
 *
 * <p>Every JSON that comes from outside (a request body, a fetched page, the app's answers, a write
 * to the demo FHIR server) is read through {@link #readTree} or {@link #readValue}: besides the
 * factory's limits (depth, string and number length, tokens) they refuse a number whose exponent no
 * clinical value has ({@code 1e999999999}, see {@link BoundedNumbers}) before HAPI sees it.
 */
public final class CdsJson {
  /** JSON tokens (values, names, brackets) read from one document. */
  static final long MAX_TOKENS = 1_000_000;

  /** Objects and arrays inside one another; FHIR's deepest (nested questionnaire items) is ~30. */
  static final int MAX_DEPTH = 200;

  /** Digits of a number (integer or fraction part): FHIR decimals carry at most 18 significant. */
  static final int MAX_NUMBER_LENGTH = 100;

  /** Characters of one string: a FHIR narrative or note, not an attachment's base64. */
  static final int MAX_STRING_LENGTH = 1 << 20;

  /** Characters of one property name (FHIR's longest element name is under 50). */
  static final int MAX_NAME_LENGTH = 1000;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxTokenCount(MAX_TOKENS)
                          .maxNestingDepth(MAX_DEPTH)
                          .maxNumberLength(MAX_NUMBER_LENGTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .maxNameLength(MAX_NAME_LENGTH)
                          .build())
                  .build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private CdsJson() {}

  /**
   * The mapper, for writing and for our own resources; JSON from outside is read with {@link
   * #readTree} or {@link #readValue}.
   */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** JSON from outside as a tree, every limit checked. */
  public static JsonNode readTree(byte[] json) throws JacksonException {
    return readTree(json, MAX_TOKENS);
  }

  /**
   * @param maxTokens a tighter token limit than {@link #MAX_TOKENS}, for an endpoint whose work
   *     grows with the document (the app's validator)
   */
  public static JsonNode readTree(byte[] json, long maxTokens) throws JacksonException {
    try (JsonParser parser = new BoundedNumbers(MAPPER.createParser(json), maxTokens)) {
      JsonNode tree = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        throw new StreamReadException(parser, "trailing content");
      }
      return tree;
    }
  }

  /** JSON from outside bound to a type, every limit checked. */
  public static <T> T readValue(byte[] json, Class<T> type) throws JacksonException {
    try (JsonParser parser = new BoundedNumbers(MAPPER.createParser(json), MAX_TOKENS)) {
      return MAPPER.readValue(parser, type);
    }
  }
}
