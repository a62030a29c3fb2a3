package dev.stepstream.asl.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.RandomSource;
import java.util.Map;

/** Test helpers: JSON from text (single quotes allowed for readability) and evaluation contexts. */
public final class JsonFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFixtures() {}

  /** Parses JSON written with single quotes instead of double quotes. */
  public static JsonNode json(String singleQuoted) {
    return parse(singleQuoted.replace('\'', '"'));
  }

  /** Parses exact JSON text. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  public static EvalContext context(JsonNode input) {
    return EvalContext.of(input, MAPPER.createObjectNode(), Map.of(), RandomSource.seeded(7));
  }

  public static EvalContext context(JsonNode input, JsonNode contextObject, Map<String, JsonNode> variables) {
    return EvalContext.of(input, contextObject, variables, RandomSource.seeded(7));
  }
}
