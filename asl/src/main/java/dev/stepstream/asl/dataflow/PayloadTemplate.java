package dev.stepstream.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.JsonTemplate;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.intrinsics.IntrinsicFunctions;
import dev.stepstream.asl.path.JsonPathExpressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath-mode payload template (Parameters, ItemSelector, ResultSelector, Assign). Keys ending in
 * {@code .$} take a path or an intrinsic call and lose the suffix in the output; nested objects and
 * arrays are walked; everything else is copied. Compiled once, immutable and thread-safe.
 */
public final class PayloadTemplate implements Expression {
  private static final String DYNAMIC_SUFFIX = ".$";

  private final JsonTemplate<EvalContext> root;

  private PayloadTemplate(JsonTemplate<EvalContext> root) {
    this.root = root;
  }

  /**
   * @throws InvalidExpressionException whose relative pointer (RFC 6901) names the offending key
   */
  public static PayloadTemplate compile(JsonNode template) throws InvalidExpressionException {
    return new PayloadTemplate(compileNode(template, ""));
  }

  @Override
  public JsonNode evaluate(EvalContext ctx) {
    return root.evaluate(ctx);
  }

  private static JsonTemplate<EvalContext> compileNode(JsonNode node, String pointer) throws InvalidExpressionException {
    if (node.isObject()) {
      return compileObject(node, pointer);
    }
    if (node.isArray()) {
      List<JsonTemplate<EvalContext>> elements = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        elements.add(compileNode(node.get(i), pointer + "/" + i));
      }
      boolean constant = elements.stream().allMatch(JsonTemplate.Constant.class::isInstance);
      return constant ? new JsonTemplate.Constant<>(node) : new JsonTemplate.ArrayTemplate<>(elements);
    }
    return new JsonTemplate.Constant<>(node);
  }

  private static JsonTemplate<EvalContext> compileObject(JsonNode node, String pointer)
      throws InvalidExpressionException {
    List<JsonTemplate.Field<EvalContext>> members = new ArrayList<>(node.size());
    boolean constant = true;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      String memberPointer = pointer + "/" + escapePointer(key);
      JsonTemplate<EvalContext> value;
      if (key.endsWith(DYNAMIC_SUFFIX)) {
        value = compileDynamic(key, entry.getValue(), memberPointer);
        key = key.substring(0, key.length() - DYNAMIC_SUFFIX.length());
      } else {
        value = compileNode(entry.getValue(), memberPointer);
      }
      constant &= value instanceof JsonTemplate.Constant;
      members.add(new JsonTemplate.Field<>(key, value));
    }
    return constant ? new JsonTemplate.Constant<>(node) : new JsonTemplate.ObjectTemplate<>(members);
  }

  private static JsonTemplate<EvalContext> compileDynamic(String key, JsonNode value, String pointer)
      throws InvalidExpressionException {
    String text = value.isTextual() ? value.textValue() : null;
    try {
      if (text != null && IntrinsicFunctions.isIntrinsicCall(text)) {
        return new IntrinsicValue(IntrinsicFunctions.compile(text));
      }
      if (text != null && text.startsWith("$")) {
        return new PathValue(key, JsonPathExpressions.path(text));
      }
    } catch (InvalidExpressionException invalid) {
      throw invalid.under(pointer);
    }
    throw new InvalidExpressionException("INVALID_JSON_PATH", "The value for the field '" + key
        + "' must be a valid JSONPath or a valid intrinsic function call", pointer);
  }

  /** RFC 6901: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
  static String escapePointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * {@code "field.$": "$.path"}. A definite path that matches nothing fails the state. AWS documents
   * States.ParameterPathFailure, but recorded executions report States.Runtime with the cause used
   * here, so that is what we raise.
   */
  private record PathValue(String fieldName, PathExpression path) implements JsonTemplate.Computed<EvalContext> {
    @Override
    public JsonNode evaluate(EvalContext ctx) {
      JsonNode value = path.evaluate(ctx);
      if (value.isMissingNode()) {
        throw new AslException(ErrorNames.RUNTIME, "The JSONPath '" + path.text()
            + "' specified for the field '" + fieldName + "' could not be found in the input '"
            + ctx.input() + "'");
      }
      return value;
    }
  }

  /** {@code "field.$": "States.Format(...)"}. */
  private record IntrinsicValue(Expression call) implements JsonTemplate.Computed<EvalContext> {
    @Override
    public JsonNode evaluate(EvalContext ctx) {
      return call.evaluate(ctx);
    }
  }
}
