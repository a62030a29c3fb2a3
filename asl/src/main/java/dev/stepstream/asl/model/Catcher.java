package dev.stepstream.asl.model;

import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.ResultPathExpression;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a {@code Catch} array.
 *
 * @param resultPath JSONPath mode only: where the error output goes; absent in the definition =
 *     compiled {@code $}; {@code null} = the definition said {@code "ResultPath": null} (discard the
 *     error output, keep the state input). Always {@code null} in JSONata mode.
 * @param output JSONata mode only: the {@code Output} of the catcher
 * @param assign the catcher's {@code Assign} (payload template in JSONPath, JSONata value otherwise)
 */
public record Catcher(
    List<String> errorEquals,
    String next,
    ResultPathExpression resultPath,
    Optional<Expression> output,
    Optional<Expression> assign) {

  public Catcher {
    errorEquals = List.copyOf(errorEquals);
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(assign, "assign");
  }
}
