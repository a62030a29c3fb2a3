package dev.stepstream.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** Small predicates over raw JSON values shared by the rules and the parser. */
public final class JsonTypes {
  private JsonTypes() {}

  /** An integral number (1 or 1.0 but not 1.5) that fits a long. */
  public static boolean isInteger(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.canConvertToLong();
    }
    if (node.isNumber()) {
      try {
        node.decimalValue().longValueExact();
        return true;
      } catch (ArithmeticException e) {
        return false;
      }
    }
    return false;
  }

  public static boolean isIntegerAtLeast(JsonNode node, long min) {
    return isInteger(node) && node.decimalValue().longValue() >= min;
  }

  public static boolean isIntegerBetween(JsonNode node, long min, long max) {
    return isIntegerAtLeast(node, min) && node.decimalValue().longValue() <= max;
  }

  /** A JSONata expression string: exactly {@code {% ... %}}. */
  public static boolean isJsonata(JsonNode node) {
    return node.isTextual() && isJsonata(node.textValue());
  }

  public static boolean isJsonata(String text) {
    return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
  }

  /** A short description of a JSON value's type for messages. */
  public static String typeName(JsonNode node) {
    if (node.isMissingNode()) {
      return "missing";
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
