package dev.stepstream.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One compiled piece of a JSONata-mode value. Immutable and thread-safe. */
sealed interface TemplateNode {

  JsonNode evaluate(EvaluationScope scope);

  /** A subtree without expressions: returned as written, never copied. */
  record Literal(JsonNode value) implements TemplateNode {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      return value;
    }
  }

  /** A string that is a whole {@code {% expression %}}. */
  record JsonataString(CompiledJsonata expression) implements TemplateNode {
    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      return expression.evaluate(scope);
    }
  }

  /** An object with at least one expression somewhere below it. */
  record ObjectTemplate(List<Field> fields) implements TemplateNode {
    public ObjectTemplate {
      fields = List.copyOf(fields);
    }

    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Field field : fields) {
        result.set(field.name(), field.value().evaluate(scope));
      }
      return result;
    }
  }

  record Field(String name, TemplateNode value) {}

  /** An array with at least one expression somewhere below it. */
  record ArrayTemplate(List<TemplateNode> elements) implements TemplateNode {
    public ArrayTemplate {
      elements = List.copyOf(elements);
    }

    @Override
    public JsonNode evaluate(EvaluationScope scope) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode(elements.size());
      for (TemplateNode element : elements) {
        result.add(element.evaluate(scope));
      }
      return result;
    }
  }
}
