package dev.stepstream.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled, immutable, thread-safe expression (JSONPath, intrinsic call, JSONata, payload
 * template or literal). Compiled once at parse time; evaluated per execution.
 */
@FunctionalInterface
public interface Expression {
  /**
   * @return the value; a {@link com.fasterxml.jackson.databind.node.MissingNode} only where the
   *     caller documents that "nothing" is a legal outcome
   * @throws AslException with the ASL error name AWS uses for this failure
   */
  JsonNode evaluate(EvalContext ctx);
}
