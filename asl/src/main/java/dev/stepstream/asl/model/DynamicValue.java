package dev.stepstream.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.PathExpression;
import java.util.Objects;

/**
 * A field whose value is either written in the definition or computed per execution: the plain
 * field (e.g. {@code TimeoutSeconds: 30}), its JSONPath {@code *Path} twin (e.g.
 * {@code TimeoutSecondsPath}) or, in JSONata mode, a {@code {% %}} expression in the plain field.
 */
public sealed interface DynamicValue permits DynamicValue.Fixed, DynamicValue.FromPath, DynamicValue.Computed {

  static DynamicValue fixed(JsonNode value) {
    return new Fixed(value);
  }

  /** A literal from the definition (a number for seconds/counts, a string for names/timestamps). */
  record Fixed(JsonNode value) implements DynamicValue {
    public Fixed {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A JSONPath {@code *Path} field, evaluated against the effective input. */
  record FromPath(PathExpression path) implements DynamicValue {
    public FromPath {
      Objects.requireNonNull(path, "path");
    }
  }

  /** A JSONata expression written in the plain field. */
  record Computed(Expression expression) implements DynamicValue {
    public Computed {
      Objects.requireNonNull(expression, "expression");
    }
  }
}
