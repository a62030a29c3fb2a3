package dev.stepstream.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled ResultPath: a definite reference path that places a result into the state input. */
public interface ResultPathExpression {
  String text();

  /**
   * Returns a new document: {@code input} with {@code result} written at this path, creating
   * missing intermediate objects. Never mutates its arguments.
   *
   * @throws AslException States.ResultPathMatchFailure when the path crosses a non-object value
   */
  JsonNode apply(JsonNode input, JsonNode result);
}
