package dev.stepstream.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.path.JsonPathExpressions;

/**
 * InputPath, ResultPath and OutputPath of JSONPath-mode states. A field absent from the definition
 * means {@code $} (callers pass a compiled {@code $}); {@code null} means the definition said
 * {@code null}.
 */
public final class JsonPathDataFlow {
  private JsonPathDataFlow() {}

  /**
   * @param pathOrNull null for {@code "InputPath": null}, which gives {@code {}}
   * @throws AslException States.Runtime when the path matches nothing
   */
  public static JsonNode inputPath(PathExpression pathOrNull, EvalContext ctx) {
    if (pathOrNull == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return select(pathOrNull, ctx);
  }

  /**
   * @param pathOrNull null for {@code "ResultPath": null}: the result is discarded, the input kept
   * @throws AslException States.ResultPathMatchFailure when the path cannot be applied to the input
   */
  public static JsonNode resultPath(ResultPathExpression pathOrNull, JsonNode stateInput, JsonNode result) {
    return pathOrNull == null ? stateInput : pathOrNull.apply(stateInput, result);
  }

  /**
   * @param value the state's output before OutputPath (what {@code $} refers to)
   * @param pathOrNull null for {@code "OutputPath": null}, which gives {@code {}}
   * @throws AslException States.Runtime when the path matches nothing
   */
  public static JsonNode outputPath(PathExpression pathOrNull, JsonNode value, EvalContext ctx) {
    if (pathOrNull == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return select(pathOrNull, ctx.withInput(value));
  }

  private static JsonNode select(PathExpression path, EvalContext ctx) {
    JsonNode selected = path.evaluate(ctx);
    if (selected.isMissingNode()) {
      // Cause text as AWS reports it (Jayway JsonPath's message), e.g. for a missed OutputPath
      // "Invalid path '$.no.such.result.path' : Missing property in path $['no']".
      throw new AslException(ErrorNames.RUNTIME, "Invalid path '" + path.text()
          + "' : " + JsonPathExpressions.notFoundReason(path, ctx));
    }
    return selected;
  }
}
