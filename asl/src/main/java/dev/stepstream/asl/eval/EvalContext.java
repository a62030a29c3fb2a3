package dev.stepstream.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.Objects;

/**
 * What an expression may read while it is evaluated: the state's (effective) input, the context
 * object ({@code $$} / {@code $states.context}), the visible variables, and in JSONata mode the
 * task result and error output. Immutable; build a new one per step with the {@code with*} copies.
 *
 * @param input the value {@code $} refers to (JSONPath) or {@code $states.input} (JSONata)
 * @param context the context object; never null (use an empty object)
 * @param variables variables visible to the state, by name without the {@code $}
 * @param result the task result for {@code $states.result}, or a MissingNode
 * @param errorOutput the error output for {@code $states.errorOutput}, or a MissingNode
 * @param random the only source of randomness (States.MathRandom, States.UUID, $random, $uuid)
 * @param nowMillis the evaluation time in epoch milliseconds, the only clock (JSONata $now, $millis)
 */
public record EvalContext(
    JsonNode input,
    JsonNode context,
    Map<String, JsonNode> variables,
    JsonNode result,
    JsonNode errorOutput,
    RandomSource random,
    long nowMillis) {

  public EvalContext {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(errorOutput, "errorOutput");
    Objects.requireNonNull(random, "random");
  }

  public static EvalContext of(JsonNode input, JsonNode context, Map<String, JsonNode> variables, RandomSource random) {
    return new EvalContext(input, context, variables, MissingNode.getInstance(), MissingNode.getInstance(), random, 0L);
  }

  public EvalContext withInput(JsonNode newInput) {
    return new EvalContext(newInput, context, variables, result, errorOutput, random, nowMillis);
  }

  public EvalContext withResult(JsonNode newResult) {
    return new EvalContext(input, context, variables, newResult, errorOutput, random, nowMillis);
  }

  public EvalContext withErrorOutput(JsonNode newErrorOutput) {
    return new EvalContext(input, context, variables, result, newErrorOutput, random, nowMillis);
  }
}
