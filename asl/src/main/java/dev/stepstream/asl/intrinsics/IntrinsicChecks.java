package dev.stepstream.asl.intrinsics;

import dev.stepstream.asl.eval.InvalidExpressionException;

/** Compile-time checks of a parsed call beyond its name and argument count. */
final class IntrinsicChecks {
  private IntrinsicChecks() {}

  @FunctionalInterface
  interface ErrorFactory {
    InvalidExpressionException at(int position, String problem);
  }

  static Argument.Call check(Argument.Call call, ErrorFactory errors, int position)
      throws InvalidExpressionException {
    switch (call.function()) {
      case FORMAT:
        checkFormat(call, errors, position);
        break;
      case JSON_TO_STRING:
        if (!(call.arguments().get(0) instanceof Argument.Path)) {
          throw errors.at(position, "States.JsonToString takes a path as its argument");
        }
        break;
      default:
        break;
    }
    return call;
  }

  private static void checkFormat(Argument.Call call, ErrorFactory errors, int position)
      throws InvalidExpressionException {
    Argument template = call.arguments().get(0);
    if (template instanceof Argument.Literal || template instanceof Argument.Call) {
      throw errors.at(position, "the first argument of States.Format must be a string or a path");
    }
    if (template instanceof Argument.Text text) {
      int placeholders = text.formatPieces().size() - 1;
      int values = call.arguments().size() - 1;
      if (placeholders != values) {
        throw errors.at(position, "States.Format template has " + placeholders
            + " '{}' placeholders but " + values + " values were given");
      }
    }
  }
}
