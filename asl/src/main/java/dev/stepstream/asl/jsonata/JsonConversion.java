package dev.stepstream.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson values to and from the values the JSONata library works on (LinkedHashMap, ArrayList,
 * String, Long/Integer/Double, Boolean, {@link Jsonata#NULL_VALUE} for JSON null, Java null for
 * undefined). Numbers follow JSONata's (JavaScript's) model, as AWS does: an integer stays exact
 * while it fits a long and becomes a double past that; a double with an integral value is written
 * as an integer ({@code 3.0} becomes {@code 3}); other decimals stay decimals.
 */
final class JsonConversion {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Doubles below this magnitude with an integral value are exact longs. */
  private static final double LONG_RANGE = 0x1p63;

  private JsonConversion() {}

  /** Thrown for a value JSON cannot hold (a function); the caller names the expression. */
  static final class UnsupportedValueException extends RuntimeException {
    UnsupportedValueException() {
      super(null, null, false, false);
    }
  }

  static Object toJava(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>(capacity(node.size()));
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          map.put(field.getKey(), toJava(field.getValue()));
        }
        return map;
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(toJava(element));
        }
        return list;
      case STRING:
        return node.textValue();
      case NUMBER:
        return number(node);
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
        return Jsonata.NULL_VALUE;
      default:
        return null; // MissingNode: undefined
    }
  }

  private static Object number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    return node.doubleValue();
  }

  /** Undefined (Java null) becomes a MissingNode; callers decide what that means. */
  static JsonNode toJson(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    if (value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Map<?, ?> map) {
      return object(map);
    }
    if (value instanceof List<?> list) {
      return array(list);
    }
    throw new UnsupportedValueException();
  }

  private static ObjectNode object(Map<?, ?> map) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      JsonNode value = toJson(entry.getValue());
      if (!value.isMissingNode()) {
        object.set(String.valueOf(entry.getKey()), value);
      }
    }
    return object;
  }

  private static ArrayNode array(List<?> list) {
    ArrayNode array = NODES.arrayNode(list.size());
    for (Object element : list) {
      JsonNode value = toJson(element);
      if (!value.isMissingNode()) {
        array.add(value);
      }
    }
    return array;
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return NODES.numberNode(number.intValue());
    }
    if (number instanceof Long || number instanceof BigInteger big && big.bitLength() < 64) {
      return integral(number.longValue());
    }
    if (number instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() > 0) {
      return NODES.numberNode(decimal.doubleValue());
    }
    return fromDouble(number.doubleValue());
  }

  /** JSON has no literal for NaN or infinity; AWS writes them as JavaScript names them. */
  private static JsonNode fromDouble(double value) {
    if (Double.isNaN(value)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(value)) {
      return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    if (value == Math.rint(value) && Math.abs(value) < LONG_RANGE) {
      return integral((long) value);
    }
    return NODES.numberNode(value);
  }

  /** The node Jackson itself would read for this integer: IntNode when it fits, else LongNode. */
  private static JsonNode integral(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  private static int capacity(int size) {
    return (int) (size / 0.75f) + 1;
  }
}
