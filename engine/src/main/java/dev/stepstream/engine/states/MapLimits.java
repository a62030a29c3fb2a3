package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.jsonata.JsonataQuery;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.model.JsonataFlow;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.engine.runtime.Json;

/**
 * A Map state's items and limits, read when it starts: Items/ItemsPath, MaxConcurrency(Path),
 * ToleratedFailureCount(Path) and ToleratedFailurePercentage(Path), with AWS's causes (see
 * {@link FieldCauses}).
 */
final class MapLimits {
  private MapLimits() {}

  /** The items to iterate: Items/ItemsPath, else the effective input. */
  static JsonNode items(MapState s, EvalContext me, JsonNode effective) {
    if (s.items().isEmpty()) {
      if (!effective.isArray()) {
        throw s.flow() instanceof JsonataFlow ? FieldCauses.mapInputNotArray(effective) : itemsPathNotArray(effective);
      }
      return effective;
    }
    DynamicValue items = s.items().get();
    JsonNode value = Dynamic.value(items, me, "ItemsPath");
    if (!value.isArray()) {
      if (items instanceof DynamicValue.Computed c && c.expression() instanceof JsonataQuery q) {
        throw FieldCauses.unexpectedType(q.query(), "Items", "array", value);
      }
      if (items instanceof DynamicValue.Computed) {
        throw FieldCauses.mapInputNotArray(value);
      }
      throw itemsPathNotArray(value);
    }
    return value;
  }

  /** States.Runtime for ItemsPath; AWS's cause text was not recorded, this is the JSONata one's. */
  private static AslException itemsPathNotArray(JsonNode value) {
    return FieldCauses.runtime("Map state input must be an array but was: " + Json.write(value));
  }

  /** MaxConcurrency(Path): 0 means no limit. */
  static int maxConcurrency(MapState s, EvalContext me) {
    if (s.maxConcurrency().isEmpty()) {
      return 0;
    }
    long value = whole(s.maxConcurrency().get(), me, "MaxConcurrency");
    if (value < 0) {
      // Not recorded; LocalStack's wording for this case.
      throw FieldCauses.runtime("Expected non-negative integer for MaxConcurrency, got '" + value + "' instead.");
    }
    return (int) Math.min(value, Integer.MAX_VALUE);
  }

  /** ToleratedFailureCount(Path), or -1 when not set. */
  static long toleratedFailureCount(MapState s, EvalContext me) {
    if (s.distributed().toleratedFailureCount().isEmpty()) {
      return -1;
    }
    long value = whole(s.distributed().toleratedFailureCount().get(), me, "ToleratedFailureCount");
    if (value < 0) {
      throw FieldCauses.runtime("ToleratedFailureCount cannot be negative."); // recorded
    }
    return value;
  }

  /** ToleratedFailurePercentage(Path), or -1 when not set. */
  static double toleratedFailurePercentage(MapState s, EvalContext me) {
    if (s.distributed().toleratedFailurePercentage().isEmpty()) {
      return -1;
    }
    DynamicValue v = s.distributed().toleratedFailurePercentage().get();
    JsonNode n = Dynamic.value(v, me, "ToleratedFailurePercentage");
    Double value = Dynamic.decimalNumber(n);
    if (value == null) {
      throw wrongType(v, "ToleratedFailurePercentage", n, "float", "number");
    }
    if (value < 0 || value > 100) {
      throw FieldCauses.runtime("ToleratedFailurePercentage must be between 0 and 100."); // recorded
    }
    return value;
  }

  private static long whole(DynamicValue v, EvalContext me, String field) {
    JsonNode n = Dynamic.value(v, me, field);
    Long value = Dynamic.wholeNumber(n);
    if (value == null) {
      throw wrongType(v, field, n, "integer", "integer");
    }
    return value;
  }

  private static AslException wrongType(DynamicValue v, String field, JsonNode n, String pathKind, String jsonataKind) {
    if (v instanceof DynamicValue.FromPath p) {
      return FieldCauses.notANumber(field + "Path", p.path(), n, pathKind);
    }
    if (v instanceof DynamicValue.Computed c && c.expression() instanceof JsonataQuery q) {
      return FieldCauses.unexpectedType(q.query(), field, jsonataKind, n);
    }
    return FieldCauses.runtime("The value of the field '" + field + "' must be a valid " + pathKind + ", but was: "
        + FieldCauses.valueText(n));
  }
}
