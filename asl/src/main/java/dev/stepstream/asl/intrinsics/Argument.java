package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.PathExpression;
import java.util.List;

/** A compiled argument of an intrinsic call. */
sealed interface Argument extends Expression {

  /** A number, boolean or null literal. */
  record Literal(JsonNode value) implements Argument {
    @Override
    public JsonNode evaluate(EvalContext ctx) {
      return value;
    }
  }

  /**
   * A quoted string literal. {@code formatPieces} is the text split at its unescaped {@code {}}
   * placeholders (an escaped {@code \{} is never a placeholder), used when it is a Format template.
   */
  record Text(JsonNode value, List<String> formatPieces) implements Argument {
    public Text {
      formatPieces = List.copyOf(formatPieces);
    }

    @Override
    public JsonNode evaluate(EvalContext ctx) {
      return value;
    }
  }

  /** {@code $...}, {@code $$...} or {@code $var...}. */
  record Path(PathExpression path) implements Argument {
    @Override
    public JsonNode evaluate(EvalContext ctx) {
      JsonNode value = path.evaluate(ctx);
      if (value.isMissingNode()) {
        // Assumption: AWS reports a missing intrinsic argument like any other payload-template
        // path (States.Runtime); not confirmed from recorded executions.
        throw new AslException(
            ErrorNames.RUNTIME,
            "The JSONPath '" + path.text() + "' could not be found in the input '" + ctx.input() + "'");
      }
      return value;
    }
  }

  /** A nested (or the outermost) {@code States.X(...)} call. */
  record Call(IntrinsicFunction function, List<Argument> arguments) implements Argument {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public JsonNode evaluate(EvalContext ctx) {
      JsonNode[] values = new JsonNode[arguments.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = arguments.get(i).evaluate(ctx);
      }
      return function.apply(new Invocation(this, values, ctx));
    }
  }
}
