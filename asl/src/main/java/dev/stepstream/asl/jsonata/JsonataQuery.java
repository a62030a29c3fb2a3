package dev.stepstream.asl.jsonata;

import dev.stepstream.asl.eval.Expression;

/**
 * A field whose whole value is one {@code {% expression %}}. Callers that check the type of the
 * result (Map {@code Items}, Wait {@code Seconds} ...) name the expression in AWS's cause texts.
 */
public interface JsonataQuery extends Expression {
  /** The expression between the delimiters, trimmed, as AWS quotes it in causes. */
  String query();
}
