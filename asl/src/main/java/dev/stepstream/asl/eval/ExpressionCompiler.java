package dev.stepstream.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compiles the expression-bearing values of a definition once, at parse time. The parser depends
 * on this interface only; {@code dev.stepstream.asl.Expressions#compiler()} wires the JSONPath,
 * intrinsic and JSONata implementations.
 */
public interface ExpressionCompiler {

  /** InputPath, OutputPath, ItemsPath, every {@code *Path} field and Choice {@code Variable}. */
  PathExpression path(String text) throws InvalidExpressionException;

  /** ResultPath (a definite reference path rooted at {@code $}). */
  ResultPathExpression resultPath(String text) throws InvalidExpressionException;

  /**
   * A JSONPath-mode payload template: Parameters, ItemSelector, ResultSelector, Assign. Keys ending
   * in {@code .$} hold a path or an intrinsic call; other values are copied. Problems are reported
   * with a relative pointer to the offending key.
   */
  Expression payloadTemplate(JsonNode template) throws InvalidExpressionException;

  /**
   * A JSONata-mode value (Arguments, Output, Assign values, Condition, Items, Seconds, ...): a string
   * that is exactly {@code {% expr %}} is that expression; objects and arrays are walked and each
   * such string inside is evaluated; everything else is a literal.
   */
  Expression jsonataTemplate(JsonNode value, String fieldName) throws InvalidExpressionException;
}
