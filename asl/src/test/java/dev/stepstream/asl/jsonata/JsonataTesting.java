package dev.stepstream.asl.jsonata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.RandomSource;
import java.io.UncheckedIOException;
import java.util.Map;

/** Shared helpers: JSON from text, a plain context, and one-line evaluation. */
final class JsonataTesting {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonataTesting() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EvalContext context(String input) {
    return EvalContext.of(json(input), json("{\"Execution\":{\"Id\":\"arn:exec\"}}"), Map.of(),
        RandomSource.seeded(1));
  }

  /** Evaluates {@code {% expression %}} as the field Output against an empty input. */
  static JsonNode eval(String expression) {
    return evalOn(expression, "{}");
  }

  static JsonNode evalOn(String expression, String input) {
    try {
      return JsonataExpressions.template(json("\"{% " + expression.replace("\"", "\\\"") + " %}\""), "Output")
          .evaluate(context(input));
    } catch (InvalidExpressionException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
