package dev.stepstream.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import java.util.Objects;

/**
 * A JSONata-mode Choice Rule: {@code "Condition": "{% ... %}"} must evaluate to a boolean.
 * A non-boolean result fails with States.QueryEvaluationError (the error AWS uses for JSONata
 * evaluation failures; the exact AWS cause text for this case is not documented).
 */
public record JsonataCondition(String text, Expression condition) implements ChoiceRule {
  public JsonataCondition {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(condition, "condition");
  }

  @Override
  public boolean matches(EvalContext ctx) {
    JsonNode value = condition.evaluate(ctx);
    if (!value.isBoolean()) {
      throw new AslException(
          ErrorNames.QUERY_EVALUATION_ERROR,
          "The Condition field " + text + " returned " + describe(value) + ", but a boolean was expected.");
    }
    return value.booleanValue();
  }

  private static String describe(JsonNode value) {
    return value.isMissingNode() ? "nothing" : "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
