package dev.stepstream.asl.model;

import dev.stepstream.asl.choice.ChoiceRule;
import dev.stepstream.asl.eval.Expression;
import java.util.Objects;
import java.util.Optional;

/** One top-level element of {@code Choices}: its rule, where it leads, and its Assign/Output (JSONata). */
public record Choice(ChoiceRule rule, String next, Optional<Expression> assign, Optional<Expression> output) {
  public Choice {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(assign, "assign");
    Objects.requireNonNull(output, "output");
  }
}
