package dev.stepstream.asl.eval;

/**
 * A compiled JSONPath over the input ({@code $...}), the context object ({@code $$...}) or a
 * variable ({@code $name...}). Used for InputPath, OutputPath, ItemsPath, the {@code *Path} fields
 * and Choice {@code Variable}. {@link #evaluate} returns a MissingNode when nothing matches a
 * definite path; callers decide which ASL error that is, because it differs per field.
 */
public interface PathExpression extends Expression {
  /** The path exactly as written in the definition (used in AWS cause texts). */
  String text();

  /** True when the path selects at most one node (no wildcard, slice, filter, union or deep scan). */
  boolean definite();
}
