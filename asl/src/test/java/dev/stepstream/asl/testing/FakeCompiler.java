package dev.stepstream.asl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.ExpressionCompiler;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import java.util.Iterator;
import java.util.Map;

/**
 * Test double for parser-structure tests: a path is any string starting with {@code $} (dotted
 * names only, evaluated against the input, or the context for {@code $$}); a path containing
 * {@code ..} or not starting with {@code $} is rejected with INVALID_JSON_PATH. Templates check their
 * {@code .$} keys the same way (relative pointer = the key). A JSONata string containing {@code !!} is
 * rejected with INVALID_JSONATA; {@code {% true %}} / {@code {% false %}} evaluate to booleans and
 * anything else to its text.
 */
public final class FakeCompiler implements ExpressionCompiler {

  @Override
  public PathExpression path(String text) throws InvalidExpressionException {
    check(text);
    return new DottedPath(text);
  }

  @Override
  public ResultPathExpression resultPath(String text) throws InvalidExpressionException {
    check(text);
    return new ResultPathExpression() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public JsonNode apply(JsonNode input, JsonNode result) {
        return result;
      }
    };
  }

  @Override
  public Expression payloadTemplate(JsonNode template) throws InvalidExpressionException {
    for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().endsWith(".$")) {
        String pointer = "/" + Diagnostics.token(field.getKey());
        if (!field.getValue().isTextual()) {
          throw new InvalidExpressionException("INVALID_JSON_PATH", "not a string", pointer);
        }
        try {
          check(field.getValue().textValue());
        } catch (InvalidExpressionException e) {
          throw e.under(pointer);
        }
      }
    }
    return ctx -> template;
  }

  @Override
  public Expression jsonataTemplate(JsonNode value, String fieldName) throws InvalidExpressionException {
    if (value.isTextual() && value.textValue().contains("!!")) {
      throw new InvalidExpressionException("INVALID_JSONATA", "bad JSONata: " + value.textValue());
    }
    if (value.isTextual() && value.textValue().equals("{% true %}")) {
      return ctx -> BooleanNode.TRUE;
    }
    if (value.isTextual() && value.textValue().equals("{% false %}")) {
      return ctx -> BooleanNode.FALSE;
    }
    return ctx -> value.isTextual() ? TextNode.valueOf(value.textValue()) : value;
  }

  private static void check(String text) throws InvalidExpressionException {
    if (!text.startsWith("$") || text.contains("..")) {
      throw new InvalidExpressionException("INVALID_JSON_PATH", "Invalid path: " + text);
    }
  }

  /** {@code $}, {@code $.a.b}, {@code $$.a.b}: object fields only. */
  private record DottedPath(String text) implements PathExpression {
    @Override
    public boolean definite() {
      return true;
    }

    @Override
    public JsonNode evaluate(EvalContext ctx) {
      boolean context = text.startsWith("$$");
      JsonNode node = context ? ctx.context() : ctx.input();
      String rest = text.substring(context ? 2 : 1);
      if (rest.isEmpty()) {
        return node;
      }
      for (String name : rest.substring(1).split("\\.")) {
        node = node instanceof ObjectNode object && object.has(name) ? object.get(name) : MissingNode.getInstance();
      }
      return node;
    }
  }
}
