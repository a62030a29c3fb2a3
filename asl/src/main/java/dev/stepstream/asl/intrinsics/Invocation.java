package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One evaluation of an intrinsic call: its evaluated argument values plus typed accessors. */
record Invocation(Argument.Call call, JsonNode[] values, EvalContext ctx) {

  String name() {
    return call.function().functionName();
  }

  JsonNode value(int index) {
    return values[index];
  }

  int count() {
    return values.length;
  }

  JsonNode array(int index) {
    JsonNode value = values[index];
    if (!value.isArray()) {
      throw failure("argument " + (index + 1) + " must be an array, but got " + describe(value));
    }
    return value;
  }

  JsonNode object(int index) {
    JsonNode value = values[index];
    if (!value.isObject()) {
      throw failure("argument " + (index + 1) + " must be a JSON object, but got " + describe(value));
    }
    return value;
  }

  String text(int index) {
    JsonNode value = values[index];
    if (!value.isTextual()) {
      throw failure("argument " + (index + 1) + " must be a string, but got " + describe(value));
    }
    return value.textValue();
  }

  boolean bool(int index) {
    JsonNode value = values[index];
    if (!value.isBoolean()) {
      throw failure("argument " + (index + 1) + " must be a boolean, but got " + describe(value));
    }
    return value.booleanValue();
  }

  /**
   * An integer argument. AWS documents that non-integer numbers are rounded to the nearest integer
   * (Java rounding: halves towards positive infinity).
   */
  long integer(int index) {
    JsonNode value = values[index];
    if (!value.isNumber()) {
      throw failure("argument " + (index + 1) + " must be an integer, but got " + describe(value));
    }
    BigDecimal rounded = value.decimalValue().setScale(0, value.decimalValue().signum() < 0
        ? RoundingMode.HALF_DOWN : RoundingMode.HALF_UP);
    try {
      return rounded.longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw failure("argument " + (index + 1) + " is too large: " + value);
    }
  }

  /** A string argument no longer than {@code maxLength} characters. */
  String limitedText(int index, int maxLength) {
    String text = text(index);
    if (text.length() > maxLength) {
      throw failure("argument " + (index + 1) + " must be at most " + maxLength
          + " characters long, but has " + text.length());
    }
    return text;
  }

  AslException failure(String problem) {
    return new AslException(ErrorNames.INTRINSIC_FAILURE, "Invalid arguments in " + name() + ": " + problem);
  }

  static String describe(JsonNode value) {
    String type = value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    String text = value.toString();
    return type + " " + (text.length() > 100 ? text.substring(0, 100) + "..." : text);
  }
}
