package dev.stepstream.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.JsonTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Walks a JSONata-mode value once, at parse time, and compiles every expression in it. */
final class TemplateCompiler {

  private TemplateCompiler() {}

  static Expression compile(JsonNode value, String fieldName) throws InvalidExpressionException {
    JsonTemplate<EvaluationScope> root = node(value, fieldName, "");
    if (root instanceof JsonTemplate.Constant<EvaluationScope> literal) {
      JsonNode constant = literal.value();
      return ctx -> constant;
    }
    if (root instanceof JsonataString whole) {
      return new WholeQuery(whole.expression());
    }
    return ctx -> root.evaluate(new EvaluationScope(ctx));
  }

  private static JsonTemplate<EvaluationScope> node(JsonNode value, String fieldPath, String pointer)
      throws InvalidExpressionException {
    if (value.isTextual() && JsonataExpressions.isExpression(value.textValue())) {
      return new JsonataString(CompiledJsonata.compile(
          JsonataExpressions.expressionText(value.textValue()), fieldPath, pointer));
    }
    if (value.isObject()) {
      return object(value, fieldPath, pointer);
    }
    if (value.isArray()) {
      return array(value, fieldPath, pointer);
    }
    return new JsonTemplate.Constant<>(value);
  }

  private static JsonTemplate<EvaluationScope> object(JsonNode value, String fieldPath, String pointer)
      throws InvalidExpressionException {
    List<JsonTemplate.Field<EvaluationScope>> fields = new ArrayList<>(value.size());
    boolean hasExpression = false;
    Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String key = entry.getKey();
      JsonTemplate<EvaluationScope> child = node(entry.getValue(), childField(fieldPath, key),
          pointer + "/" + escapePointer(key));
      hasExpression |= !(child instanceof JsonTemplate.Constant);
      fields.add(new JsonTemplate.Field<>(key, child));
    }
    return hasExpression ? new JsonTemplate.ObjectTemplate<>(fields) : new JsonTemplate.Constant<>(value);
  }

  private static JsonTemplate<EvaluationScope> array(JsonNode value, String fieldPath, String pointer)
      throws InvalidExpressionException {
    List<JsonTemplate<EvaluationScope>> elements = new ArrayList<>(value.size());
    boolean hasExpression = false;
    for (int i = 0; i < value.size(); i++) {
      JsonTemplate<EvaluationScope> child = node(value.get(i), fieldPath + "[" + i + "]", pointer + "/" + i);
      hasExpression |= !(child instanceof JsonTemplate.Constant);
      elements.add(child);
    }
    return hasExpression ? new JsonTemplate.ArrayTemplate<>(elements) : new JsonTemplate.Constant<>(value);
  }

  /** AWS names nested fields with '/' before each key and [i] for each index: Output/a/b[0]. */
  private static String childField(String fieldPath, String key) {
    return fieldPath.isEmpty() ? key : fieldPath + "/" + key;
  }

  private static String escapePointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** A field whose whole value is one expression. */
  private record WholeQuery(CompiledJsonata expression) implements JsonataQuery {
    @Override
    public JsonNode evaluate(EvalContext ctx) {
      return expression.evaluate(new EvaluationScope(ctx));
    }

    @Override
    public String query() {
      return expression.text();
    }
  }

  /** A string that is a whole {@code {% expression %}}. */
  private record JsonataString(CompiledJsonata expression) implements JsonTemplate.Computed<EvaluationScope> {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      return expression.evaluate(scope);
    }
  }
}
