package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.DynamicValue;

/** Evaluates fields that are fixed, read from a {@code *Path}, or computed by JSONata. */
final class Dynamic {
  private Dynamic() {}

  static JsonNode value(DynamicValue v, EvalContext ec, String field) {
    if (v instanceof DynamicValue.Fixed fixed) {
      return fixed.value();
    }
    if (v instanceof DynamicValue.FromPath fromPath) {
      JsonNode found = fromPath.path().evaluate(ec);
      if (found.isMissingNode()) {
        throw new AslException(ErrorNames.RUNTIME, "Invalid path '" + fromPath.path().text() + "' : No results for path: "
            + fromPath.path().text() + " (field " + field + ")");
      }
      return found;
    }
    return ((DynamicValue.Computed) v).expression().evaluate(ec);
  }

  /** A non-negative whole number of seconds (TimeoutSeconds, HeartbeatSeconds, Wait Seconds ...). */
  static long seconds(DynamicValue v, EvalContext ec, String field) {
    JsonNode n = value(v, ec, field);
    if (!n.isNumber() || !n.canConvertToLong() || n.asDouble() != Math.floor(n.asDouble()) || n.asLong() < 0) {
      // AWS reports a field value of the wrong type as a runtime failure; exact text not confirmed.
      throw new AslException(ErrorNames.RUNTIME, "The value of the field '" + field
          + "' must be a non-negative integer, but was: " + n);
    }
    return n.asLong();
  }

  static String text(DynamicValue v, EvalContext ec, String field) {
    JsonNode n = value(v, ec, field);
    if (!n.isTextual()) {
      throw new AslException(ErrorNames.RUNTIME, "The value of the field '" + field + "' must be a string, but was: " + n);
    }
    return n.asText();
  }
}
