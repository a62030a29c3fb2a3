package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.jsonata.JsonataQuery;
import dev.stepstream.asl.model.DynamicValue;

/**
 * Evaluates fields that are fixed, read from a {@code *Path}, or computed by JSONata, and checks the
 * value has the type its field needs. A {@code *Path} value of the wrong type is States.Runtime; a
 * JSONata one is States.QueryEvaluationError (AWS "Error names").
 */
final class Dynamic {
  private Dynamic() {}

  static JsonNode value(DynamicValue v, EvalContext ec, String field) {
    if (v instanceof DynamicValue.Fixed fixed) {
      return fixed.value();
    }
    if (v instanceof DynamicValue.FromPath fromPath) {
      JsonNode found = fromPath.path().evaluate(ec);
      if (found.isMissingNode()) {
        throw FieldCauses.invalidPath(fromPath.path(), ec);
      }
      return found;
    }
    return ((DynamicValue.Computed) v).expression().evaluate(ec);
  }

  /** A non-negative whole number of seconds (TimeoutSeconds, HeartbeatSeconds). */
  static long seconds(DynamicValue v, EvalContext ec, String field) {
    JsonNode n = value(v, ec, field);
    Long seconds = wholeNumber(n);
    if (seconds == null || seconds < 0) {
      if (v instanceof DynamicValue.Computed c && c.expression() instanceof JsonataQuery q) {
        throw FieldCauses.unexpectedType(q.query(), field, "integer", n);
      }
      // AWS's wording for these fields was not recorded.
      throw new AslException(ErrorNames.RUNTIME, "The value of the field '" + field
          + "' must be a non-negative integer, but was: " + n);
    }
    return seconds;
  }

  static String text(DynamicValue v, EvalContext ec, String field) {
    JsonNode n = value(v, ec, field);
    if (!n.isTextual()) {
      if (v instanceof DynamicValue.Computed c && c.expression() instanceof JsonataQuery q) {
        throw FieldCauses.unexpectedType(q.query(), field, "string", n);
      }
      throw new AslException(ErrorNames.RUNTIME, "The value of the field '" + field + "' must be a string, but was: " + n);
    }
    return n.asText();
  }

  /** The integer a value stands for (a JSON integer, or a string that parses as one), else null. */
  static Long wholeNumber(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? n.longValue() : null;
    }
    if (n.isTextual()) {
      try {
        return Long.parseLong(n.textValue());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The number a value stands for (a JSON number, or a string that parses as a finite one), else null. */
  static Double decimalNumber(JsonNode n) {
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      try {
        double d = Double.parseDouble(n.textValue());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
