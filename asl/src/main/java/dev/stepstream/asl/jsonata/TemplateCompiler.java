package dev.stepstream.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Walks a JSONata-mode value once, at parse time, and compiles every expression in it. */
final class TemplateCompiler {

  private TemplateCompiler() {}

  static Expression compile(JsonNode value, String fieldName) throws InvalidExpressionException {
    TemplateNode root = node(value, fieldName, "");
    if (root instanceof TemplateNode.Literal literal) {
      JsonNode constant = literal.value();
      return ctx -> constant;
    }
    return ctx -> root.evaluate(new EvaluationScope(ctx));
  }

  private static TemplateNode node(JsonNode value, String fieldPath, String pointer)
      throws InvalidExpressionException {
    if (value.isTextual() && JsonataExpressions.isExpression(value.textValue())) {
      return new TemplateNode.JsonataString(CompiledJsonata.compile(
          JsonataExpressions.expressionText(value.textValue()), fieldPath, pointer));
    }
    if (value.isObject()) {
      return object(value, fieldPath, pointer);
    }
    if (value.isArray()) {
      return array(value, fieldPath, pointer);
    }
    return new TemplateNode.Literal(value);
  }

  private static TemplateNode object(JsonNode value, String fieldPath, String pointer)
      throws InvalidExpressionException {
    List<TemplateNode.Field> fields = new ArrayList<>(value.size());
    boolean hasExpression = false;
    Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String key = entry.getKey();
      TemplateNode child = node(entry.getValue(), childField(fieldPath, key),
          pointer + "/" + escapePointer(key));
      hasExpression |= !(child instanceof TemplateNode.Literal);
      fields.add(new TemplateNode.Field(key, child));
    }
    return hasExpression ? new TemplateNode.ObjectTemplate(fields) : new TemplateNode.Literal(value);
  }

  private static TemplateNode array(JsonNode value, String fieldPath, String pointer)
      throws InvalidExpressionException {
    List<TemplateNode> elements = new ArrayList<>(value.size());
    boolean hasExpression = false;
    for (int i = 0; i < value.size(); i++) {
      TemplateNode child = node(value.get(i), fieldPath + "[" + i + "]", pointer + "/" + i);
      hasExpression |= !(child instanceof TemplateNode.Literal);
      elements.add(child);
    }
    return hasExpression ? new TemplateNode.ArrayTemplate(elements) : new TemplateNode.Literal(value);
  }

  /** AWS names nested fields with '/' before each key and [i] for each index: Output/a/b[0]. */
  private static String childField(String fieldPath, String key) {
    return fieldPath.isEmpty() ? key : fieldPath + "/" + key;
  }

  private static String escapePointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
