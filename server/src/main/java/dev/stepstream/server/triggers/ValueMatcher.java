package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of an event pattern's matcher array, matched against one leaf value of the event:
 * an exact value, or {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code wildcard},
 * {@code anything-but}, {@code numeric}, {@code exists} or {@code cidr}, as EventBridge defines them.
 * Strings match strings only, numbers numbers only (by value: 5 matches 5.0).
 */
sealed interface ValueMatcher {
  boolean matches(JsonNode value);

  /** Whether the matcher accepts a field the event does not have (only {@code "exists": false}). */
  default boolean matchesMissing() {
    return false;
  }

  record Exact(JsonNode expected) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      if (expected.isNumber() && value.isNumber()) {
        return expected.decimalValue().compareTo(value.decimalValue()) == 0;
      }
      return expected.equals(value);
    }
  }

  record Prefix(String prefix, boolean ignoreCase) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      return value.isTextual() && value.asText().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
    }
  }

  record Suffix(String suffix, boolean ignoreCase) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      String text = value.asText();
      return value.isTextual() && text.length() >= suffix.length()
          && text.regionMatches(ignoreCase, text.length() - suffix.length(), suffix, 0, suffix.length());
    }
  }

  record EqualsIgnoreCase(String expected) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      return value.isTextual() && value.asText().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }
  }

  record Wildcard(Glob glob) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      return value.isTextual() && glob.matches(value.asText());
    }
  }

  /** Present, and matched by none of {@code excluded}. */
  record AnythingBut(List<ValueMatcher> excluded, boolean stringsOnly) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      if (stringsOnly && !value.isTextual()) {
        return false;
      }
      return excluded.stream().noneMatch(m -> m.matches(value));
    }
  }

  record Numeric(List<NumericRange.Bound> bounds) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      return value.isNumber() && bounds.stream().allMatch(b -> b.test(value.decimalValue()));
    }
  }

  record Exists(boolean expected) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      return expected; // a present leaf
    }

    @Override
    public boolean matchesMissing() {
      return !expected;
    }
  }

  record Cidr(CidrBlock block) implements ValueMatcher {
    @Override
    public boolean matches(JsonNode value) {
      return value.isTextual() && block.contains(value.asText());
    }
  }

  /** Parses one matcher of the field {@code path}. */
  static ValueMatcher parse(JsonNode matcher, String path) {
    if (matcher.isValueNode()) {
      return new Exact(matcher);
    }
    if (!matcher.isObject() || matcher.size() != 1) {
      throw new InvalidPatternException("each matcher of '" + path + "' must be a value or an object with one "
          + "operator, not " + matcher);
    }
    String operator = matcher.fieldNames().next();
    JsonNode operand = matcher.get(operator);
    return switch (operator) {
      case "prefix" -> new Prefix(affix(operand, path, operator), ignoresCase(operand));
      case "suffix" -> new Suffix(affix(operand, path, operator), ignoresCase(operand));
      case "equals-ignore-case" -> new EqualsIgnoreCase(text(operand, path, operator));
      case "wildcard" -> new Wildcard(Glob.compile(text(operand, path, operator), path));
      case "anything-but" -> anythingBut(operand, path);
      case "numeric" -> new Numeric(NumericRange.parse(operand, path));
      case "exists" -> {
        if (!operand.isBoolean()) {
          throw new InvalidPatternException("'exists' of '" + path + "' must be true or false");
        }
        yield new Exists(operand.booleanValue());
      }
      case "cidr" -> new Cidr(CidrBlock.parse(text(operand, path, operator), path));
      default -> throw new InvalidPatternException("unknown operator '" + operator + "' in '" + path + "'");
    };
  }

  private static ValueMatcher anythingBut(JsonNode operand, String path) {
    if (operand.isValueNode()) {
      return new AnythingBut(List.of(new Exact(operand)), false);
    }
    if (operand.isArray()) {
      List<ValueMatcher> excluded = new ArrayList<>();
      for (JsonNode value : operand) {
        if (!value.isTextual() && !value.isNumber()) {
          throw new InvalidPatternException("'anything-but' of '" + path + "' lists strings or numbers only");
        }
        excluded.add(new Exact(value));
      }
      return new AnythingBut(List.copyOf(excluded), false);
    }
    if (operand.isObject() && operand.size() == 1) {
      String inner = operand.fieldNames().next();
      JsonNode value = operand.get(inner);
      if (inner.equals("prefix") || inner.equals("suffix")) {
        ValueMatcher m = parse(operand, path);
        return new AnythingBut(List.of(m), true);
      }
      if (inner.equals("equals-ignore-case") || inner.equals("wildcard")) {
        List<ValueMatcher> excluded = new ArrayList<>();
        for (JsonNode each : value.isArray() ? value : List.of(value)) {
          excluded.add(parse(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set(inner, each), path));
        }
        return new AnythingBut(List.copyOf(excluded), true);
      }
    }
    throw new InvalidPatternException("'anything-but' of '" + path + "' must be a value, an array of values, or "
        + "an object with prefix, suffix, equals-ignore-case or wildcard");
  }

  private static String affix(JsonNode operand, String path, String operator) {
    if (operand.isObject() && operand.size() == 1 && operand.has("equals-ignore-case")) {
      return text(operand.get("equals-ignore-case"), path, operator);
    }
    return text(operand, path, operator);
  }

  private static boolean ignoresCase(JsonNode operand) {
    return operand.isObject();
  }

  private static String text(JsonNode operand, String path, String operator) {
    if (!operand.isTextual()) {
      throw new InvalidPatternException("'" + operator + "' of '" + path + "' must be a string");
    }
    return operand.asText();
  }
}
