package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;

/** Small JSON helpers shared by the intrinsics. */
final class JsonValues {
  private JsonValues() {}

  /** An integer node of the smallest fitting type, so results equal parsed JSON numbers. */
  static JsonNode number(long value) {
    return value == (int) value
        ? JsonNodeFactory.instance.numberNode((int) value)
        : JsonNodeFactory.instance.numberNode(value);
  }

  /** JSON equality where numbers compare by value (1 equals 1.0). */
  static boolean same(JsonNode left, JsonNode right) {
    if (left.isNumber() && right.isNumber()) {
      return left.decimalValue().compareTo(right.decimalValue()) == 0;
    }
    if (left.isArray() && right.isArray()) {
      return sameElements(left, right);
    }
    if (left.isObject() && right.isObject()) {
      return sameMembers(left, right);
    }
    return left.equals(right);
  }

  private static boolean sameElements(JsonNode left, JsonNode right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      if (!same(left.get(i), right.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameMembers(JsonNode left, JsonNode right) {
    if (left.size() != right.size()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = left.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      JsonNode other = right.get(member.getKey());
      if (other == null || !same(member.getValue(), other)) {
        return false;
      }
    }
    return true;
  }
}
