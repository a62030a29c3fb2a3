package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** EventBridge's {@code numeric} operand: one or two comparisons, {@code [">", 0, "<=", 5]}. */
final class NumericRange {
  private NumericRange() {}

  /** One comparison of the event's value with {@code operand}. */
  record Bound(String operator, BigDecimal operand) {
    boolean test(BigDecimal value) {
      int c = value.compareTo(operand);
      return switch (operator) {
        case "=" -> c == 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }
  }

  static List<Bound> parse(JsonNode operand, String path) {
    if (!operand.isArray() || operand.isEmpty() || operand.size() % 2 != 0 || operand.size() > 4) {
      throw invalid(path, "must be an array of one or two operator-number pairs");
    }
    List<Bound> bounds = new ArrayList<>();
    for (int i = 0; i < operand.size(); i += 2) {
      String operator = operand.get(i).asText();
      JsonNode number = operand.get(i + 1);
      if (!operand.get(i).isTextual() || !List.of("=", "<", "<=", ">", ">=").contains(operator)) {
        throw invalid(path, "has an unknown operator " + operand.get(i));
      }
      if (!number.isNumber()) {
        throw invalid(path, "compares with " + number + ", which is not a number");
      }
      bounds.add(new Bound(operator, number.decimalValue()));
    }
    if (bounds.size() == 2 && (bounds.get(0).operator().equals("=") || bounds.get(1).operator().equals("="))) {
      throw invalid(path, "cannot combine '=' with a second comparison");
    }
    return List.copyOf(bounds);
  }

  private static InvalidPatternException invalid(String path, String problem) {
    return new InvalidPatternException("'numeric' of '" + path + "' " + problem);
  }
}
