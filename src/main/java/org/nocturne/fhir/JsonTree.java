package org.nocturne.fhir;

import ca.uhn.fhir.parser.json.BaseJsonLikeArray;
import ca.uhn.fhir.parser.json.BaseJsonLikeObject;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import ca.uhn.fhir.parser.json.BaseJsonLikeWriter;
import ca.uhn.fhir.parser.json.JsonLikeStructure;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object the request's parse has already read, handed to HAPI's JSON parser as it is: no
 * resource is written back to text and read a second (and third) time. HAPI walks the tree through
 * this view exactly as it walks its own Jackson 2 tree ({@code JacksonStructure}), value for value:
 * in particular a decimal reaches HAPI as the plain text of the number as it would have been
 * written ({@code 0.58}, {@code 1.0E21} as {@code 1000000000000000000000}), so the parsed resource
 * is the one the text path gave (ParseOnceEquivalenceTest proves it on odd JSON).
 *
 * <p>Read-only: HAPI's parser only reads; the tree may be shared (the prefetch cache).
 */
final class JsonTree implements JsonLikeStructure {
  private static final Predicate<String> EVERY_PROPERTY = property -> true;

  private final JsonNode root;
  private final Predicate<String> read;

  /**
   * @param root a JSON object (a FHIR resource)
   */
  JsonTree(JsonNode root) {
    this(root, EVERY_PROPERTY);
  }

  /**
   * @param root a JSON object (a FHIR resource)
   * @param read which of the root's properties HAPI is shown (see {@link ElementsRead})
   */
  JsonTree(JsonNode root, Predicate<String> read) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a FHIR resource is a JSON object");
    }
    this.root = root;
    this.read = read;
  }

  @Override
  public BaseJsonLikeObject getRootObject() {
    return new ObjectView(root, read);
  }

  @Override
  public JsonLikeStructure getInstance() {
    throw new UnsupportedOperationException("a view of one tree");
  }

  @Override
  public void load(Reader reader) {
    throw new UnsupportedOperationException("the tree is already read");
  }

  @Override
  public void load(Reader reader, boolean allowArray) {
    throw new UnsupportedOperationException("the tree is already read");
  }

  @Override
  public BaseJsonLikeWriter getJsonLikeWriter() {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public BaseJsonLikeWriter getJsonLikeWriter(Writer writer) {
    throw new UnsupportedOperationException("read-only");
  }

  private static BaseJsonLikeValue view(JsonNode node) {
    return node == null ? null : new ValueView(node);
  }

  /**
   * A floating-point number as HAPI reads it from text: a BigDecimal of the number as Jackson
   * writes it (a double as {@link Double#toString}, a BigDecimal as {@link BigDecimal#toString}).
   */
  private static BigDecimal decimal(JsonNode number) {
    if (number.isBigDecimal()) {
      return new BigDecimal(number.decimalValue().toString());
    }
    if (number.isFloat()) {
      return new BigDecimal(Float.toString(number.floatValue()));
    }
    return new BigDecimal(Double.toString(number.doubleValue()));
  }

  private static final class ObjectView extends BaseJsonLikeObject {
    private final JsonNode node;
    private final Predicate<String> read;

    /** The property the key iterator stands on: HAPI asks for its value next. */
    private Map.Entry<String, JsonNode> current;

    ObjectView(JsonNode node) {
      this(node, EVERY_PROPERTY);
    }

    ObjectView(JsonNode node, Predicate<String> read) {
      this.node = node;
      this.read = read;
    }

    @Override
    public Object getValue() {
      return null;
    }

    @Override
    public Iterator<String> keyIterator() {
      Iterator<Map.Entry<String, JsonNode>> properties = node.properties().iterator();
      return new Iterator<>() {
        private Map.Entry<String, JsonNode> upcoming = advance();

        private Map.Entry<String, JsonNode> advance() {
          while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (read == EVERY_PROPERTY || read.test(property.getKey())) {
              return property;
            }
          }
          return null;
        }

        @Override
        public boolean hasNext() {
          return upcoming != null;
        }

        @Override
        public String next() {
          if (upcoming == null) {
            throw new NoSuchElementException();
          }
          current = upcoming;
          upcoming = advance();
          return current.getKey();
        }
      };
    }

    @Override
    public BaseJsonLikeValue get(String key) {
      // HAPI walks the keys and asks for each one's value: no hash lookup for that one
      Map.Entry<String, JsonNode> at = current;
      if (at != null && at.getKey() == key) {
        return view(at.getValue());
      }
      return read == EVERY_PROPERTY || read.test(key) ? view(node.get(key)) : null;
    }
  }

  private static final class ArrayView extends BaseJsonLikeArray {
    private final JsonNode node;

    ArrayView(JsonNode node) {
      this.node = node;
    }

    @Override
    public Object getValue() {
      return null;
    }

    @Override
    public int size() {
      return node.size();
    }

    @Override
    public BaseJsonLikeValue get(int index) {
      return view(node.get(index));
    }
  }

  private static final class ValueView extends BaseJsonLikeValue {
    private final JsonNode node;

    ValueView(JsonNode node) {
      this.node = node;
    }

    @Override
    public Object getValue() {
      if (!node.isValueNode()) {
        return null;
      }
      if (node.isNumber()) {
        return getAsNumber();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      return getAsString();
    }

    @Override
    public ValueType getJsonType() {
      return switch (node.getNodeType()) {
        case NULL, MISSING -> ValueType.NULL;
        case OBJECT -> ValueType.OBJECT;
        case ARRAY -> ValueType.ARRAY;
        default -> ValueType.SCALAR;
      };
    }

    @Override
    public ScalarType getDataType() {
      if (node.isNumber()) {
        return ScalarType.NUMBER;
      }
      if (node.isString()) {
        return ScalarType.STRING;
      }
      return node.isBoolean() ? ScalarType.BOOLEAN : null;
    }

    @Override
    public BaseJsonLikeArray getAsArray() {
      return node.isArray() ? new ArrayView(node) : null;
    }

    @Override
    public BaseJsonLikeObject getAsObject() {
      return node.isObject() ? new ObjectView(node) : null;
    }

    @Override
    public Number getAsNumber() {
      if (!node.isNumber()) {
        return null;
      }
      return node.isFloatingPointNumber() ? decimal(node) : node.numberValue();
    }

    /** What Jackson 2's {@code asText()} gives on HAPI's tree of the same JSON. */
    @Override
    public String getAsString() {
      return switch (node.getNodeType()) {
        case STRING -> node.stringValue();
        case NUMBER ->
            node.isFloatingPointNumber()
                ? decimal(node).toPlainString()
                : node.numberValue().toString();
        case BOOLEAN -> Boolean.toString(node.booleanValue());
        case NULL -> "null";
        default -> "";
      };
    }

    @Override
    public boolean getAsBoolean() {
      return node.isBoolean() ? node.booleanValue() : super.getAsBoolean();
    }
  }
}
