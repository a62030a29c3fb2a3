package dev.stepstream.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A compiled JSON value whose leaves may be expressions: the one template tree of both query
 * languages. JSONPath payload templates ({@code "key.$": path or intrinsic}) and JSONata values
 * ({@code "{% expression %}"}) differ only in their {@link Computed} leaves and in the context
 * {@code C} those read. Subtrees without expressions are {@link Constant}s, shared and never copied.
 * Immutable and thread-safe.
 *
 * @param <C> what the computed leaves evaluate against
 */
public sealed interface JsonTemplate<C> {

  JsonNode evaluate(C context);

  /** A subtree without expressions: returned as written, never copied. */
  record Constant<C>(JsonNode value) implements JsonTemplate<C> {
    @Override
    public JsonNode evaluate(C context) {
      return value;
    }
  }

  /** An object with at least one expression somewhere below it. */
  record ObjectTemplate<C>(List<Field<C>> fields) implements JsonTemplate<C> {
    public ObjectTemplate {
      fields = List.copyOf(fields);
    }

    @Override
    public JsonNode evaluate(C context) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Field<C> field : fields) {
        result.set(field.name(), field.value().evaluate(context));
      }
      return result;
    }
  }

  /** One member of an {@link ObjectTemplate}, under its output name. */
  record Field<C>(String name, JsonTemplate<C> value) {}

  /** An array with at least one expression somewhere below it. */
  record ArrayTemplate<C>(List<JsonTemplate<C>> elements) implements JsonTemplate<C> {
    public ArrayTemplate {
      elements = List.copyOf(elements);
    }

    @Override
    public JsonNode evaluate(C context) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode(elements.size());
      for (JsonTemplate<C> element : elements) {
        result.add(element.evaluate(context));
      }
      return result;
    }
  }

  /** A leaf computed by an expression of one query language. */
  non-sealed interface Computed<C> extends JsonTemplate<C> {}
}
