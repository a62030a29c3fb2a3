package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;

/** Comparison operators of JSONPath filters, with Jayway-like typing: mixed types never compare. */
enum Comparator {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** @param left null when the operand found nothing */
  boolean holds(JsonNode left, JsonNode right) {
    if (left == null || right == null) {
      return this == NE && (left != null || right != null);
    }
    if (this == EQ || this == NE) {
      return (this == EQ) == equal(left, right);
    }
    Integer order = order(left, right);
    if (order == null) {
      return false;
    }
    switch (this) {
      case LT:
        return order < 0;
      case LE:
        return order <= 0;
      case GT:
        return order > 0;
      default:
        return order >= 0;
    }
  }

  private static boolean equal(JsonNode left, JsonNode right) {
    if (left.isNumber() && right.isNumber()) {
      return left.decimalValue().compareTo(right.decimalValue()) == 0;
    }
    return left.equals(right);
  }

  private static Integer order(JsonNode left, JsonNode right) {
    if (left.isNumber() && right.isNumber()) {
      return left.decimalValue().compareTo(right.decimalValue());
    }
    if (left.isTextual() && right.isTextual()) {
      return left.textValue().compareTo(right.textValue());
    }
    return null;
  }
}
