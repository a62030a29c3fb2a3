package dev.stepstream.asl.model;

import dev.stepstream.asl.eval.Expression;
import java.util.Objects;
import java.util.Optional;

/**
 * JSONata-mode data flow. An absent {@code Output} means the state output is its result
 * ({@code $states.result}) or, for states without a result, its input.
 */
public record JsonataFlow(Optional<Expression> arguments, Optional<Expression> output, Optional<Expression> assign)
    implements DataFlow {

  public JsonataFlow {
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(assign, "assign");
  }
}
