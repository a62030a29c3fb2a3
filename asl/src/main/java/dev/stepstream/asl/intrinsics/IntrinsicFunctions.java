package dev.stepstream.asl.intrinsics;

import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.eval.InvalidExpressionException;

/** Compiles intrinsic function calls ({@code States.Format(...)} etc.) for JSONPath-mode templates. */
public final class IntrinsicFunctions {
  private IntrinsicFunctions() {}

  /** True when a {@code .$} value is an intrinsic call rather than a path. */
  public static boolean isIntrinsicCall(String text) {
    return text.stripLeading().startsWith("States.");
  }

  /**
   * Compiles a call once; evaluating it never re-parses.
   *
   * @throws InvalidExpressionException code {@code INVALID_INTRINSIC}: syntax, unknown function,
   *     wrong argument count, a literal Format template whose placeholders do not match, more than
   *     10 calls in one field
   */
  public static Expression compile(String text) throws InvalidExpressionException {
    return IntrinsicParser.parse(text);
  }
}
