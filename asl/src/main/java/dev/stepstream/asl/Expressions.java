package dev.stepstream.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.dataflow.PayloadTemplate;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.ExpressionCompiler;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import dev.stepstream.asl.jsonata.JsonataExpressions;
import dev.stepstream.asl.path.JsonPathExpressions;

/** The real expression compiler: JSONPath and intrinsics for JSONPath mode, JSONata for JSONata mode. */
public final class Expressions {
  private static final ExpressionCompiler COMPILER = new ExpressionCompiler() {
    @Override
    public PathExpression path(String text) throws InvalidExpressionException {
      return JsonPathExpressions.path(text);
    }

    @Override
    public ResultPathExpression resultPath(String text) throws InvalidExpressionException {
      return JsonPathExpressions.resultPath(text);
    }

    @Override
    public Expression payloadTemplate(JsonNode template) throws InvalidExpressionException {
      return PayloadTemplate.compile(template);
    }

    @Override
    public Expression jsonataTemplate(JsonNode value, String fieldName) throws InvalidExpressionException {
      return JsonataExpressions.template(value, fieldName);
    }
  };

  private Expressions() {}

  /** The stateless, thread-safe compiler used by {@code Asl.compile}. */
  public static ExpressionCompiler compiler() {
    return COMPILER;
  }
}
