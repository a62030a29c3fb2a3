package dev.stepstream.asl.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.PathExpression;
import java.util.List;

/** A compiled part of a payload template. */
sealed interface TemplateNode {

  JsonNode render(EvalContext ctx);

  /** A subtree without any {@code .$} key: shared as is, never copied. */
  record Constant(JsonNode value) implements TemplateNode {
    @Override
    public JsonNode render(EvalContext ctx) {
      return value;
    }
  }

  record Member(String key, TemplateNode value) {}

  record ObjectTemplate(List<Member> members) implements TemplateNode {
    public ObjectTemplate {
      members = List.copyOf(members);
    }

    @Override
    public JsonNode render(EvalContext ctx) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Member member : members) {
        result.set(member.key(), member.value().render(ctx));
      }
      return result;
    }
  }

  record ArrayTemplate(List<TemplateNode> elements) implements TemplateNode {
    public ArrayTemplate {
      elements = List.copyOf(elements);
    }

    @Override
    public JsonNode render(EvalContext ctx) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode(elements.size());
      for (TemplateNode element : elements) {
        result.add(element.render(ctx));
      }
      return result;
    }
  }

  /**
   * {@code "field.$": "$.path"}. A definite path that matches nothing fails the state. AWS documents
   * States.ParameterPathFailure, but recorded executions report States.Runtime with the cause used
   * here, so that is what we raise.
   */
  record PathValue(String fieldName, PathExpression path) implements TemplateNode {
    @Override
    public JsonNode render(EvalContext ctx) {
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
  record IntrinsicValue(Expression call) implements TemplateNode {
    @Override
    public JsonNode render(EvalContext ctx) {
      return call.evaluate(ctx);
    }
  }
}
