package dev.stepstream.asl.model;

import dev.stepstream.asl.eval.Expression;
import java.util.Optional;

/**
 * The input/output processing fields of one state, compiled. Which implementation a state holds
 * follows its effective query language. Fields a state type does not support are simply empty
 * (or the identity defaults).
 */
public sealed interface DataFlow permits JsonPathFlow, JsonataFlow {

  /** {@code Assign}: variables to set after the state (both query languages). */
  Optional<Expression> assign();
}
