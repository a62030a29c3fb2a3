package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.ResultPathExpression;
import java.util.List;

/**
 * A compiled ResultPath. Writing copies only the objects along the path (siblings are shared, the
 * input is never mutated) and creates missing intermediate objects.
 */
final class ReferencePath implements ResultPathExpression {
  private final String text;
  private final PathSegment.Definite[] steps;

  ReferencePath(String text, List<PathSegment.Definite> steps) {
    this.text = text;
    this.steps = steps.toArray(new PathSegment.Definite[0]);
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public JsonNode apply(JsonNode input, JsonNode result) {
    if (steps.length == 0) {
      return result;
    }
    return write(input, 0, input, result);
  }

  private JsonNode write(JsonNode node, int depth, JsonNode input, JsonNode result) {
    PathSegment.Definite step = steps[depth];
    boolean last = depth == steps.length - 1;
    if (step instanceof PathSegment.Field field) {
      if (node != null && !node.isObject()) {
        throw failure(input);
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      if (node != null) {
        copy.setAll((ObjectNode) node);
      }
      JsonNode child = node == null ? null : node.get(field.name());
      copy.set(field.name(), last ? result : write(child, depth + 1, input, result));
      return copy;
    }
    int index = ((PathSegment.Index) step).index();
    int size = node != null && node.isArray() ? node.size() : -1;
    int position = index < 0 ? size + index : index;
    if (size < 0 || position < 0 || position >= size) {
      throw failure(input);
    }
    ArrayNode copy = JsonNodeFactory.instance.arrayNode(size);
    copy.addAll((ArrayNode) node);
    copy.set(position, last ? result : write(node.get(position), depth + 1, input, result));
    return copy;
  }

  // Cause text as recorded from AWS executions ("Unable to apply ReferencePath $.x to input ...").
  private AslException failure(JsonNode input) {
    return new AslException(
        ErrorNames.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ReferencePath " + text + " to input " + input);
  }

  @Override
  public String toString() {
    return text;
  }
}
