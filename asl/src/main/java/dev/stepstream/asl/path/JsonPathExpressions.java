package dev.stepstream.asl.path;

import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.InvalidExpressionException;
import dev.stepstream.asl.eval.PathExpression;
import dev.stepstream.asl.eval.ResultPathExpression;
import java.util.ArrayList;
import java.util.List;

/** Compiles the JSONPath-mode expressions of a definition: paths, ResultPath and payload templates. */
public final class JsonPathExpressions {
  private JsonPathExpressions() {}

  /**
   * Compiles a path rooted at {@code $} (input), {@code $$} (context object) or {@code $name}
   * (variable).
   *
   * @throws InvalidExpressionException code {@code INVALID_JSON_PATH}, naming the problem and column
   */
  public static PathExpression path(String text) throws InvalidExpressionException {
    PathParser.Parsed parsed = PathParser.parse(text);
    return new CompiledPath(text, parsed.root(), parsed.segments());
  }

  /**
   * Compiles a ResultPath: a reference path (definite, rooted at {@code $}, only names and indexes).
   *
   * @throws InvalidExpressionException code {@code INVALID_JSON_PATH}
   */
  public static ResultPathExpression resultPath(String text) throws InvalidExpressionException {
    PathParser.Parsed parsed = PathParser.parse(text);
    if (!(parsed.root() instanceof PathRoot.Input)) {
      throw notReference(text, "it must be rooted at '$', not '" + parsed.root().text() + "'");
    }
    List<PathSegment.Definite> steps = new ArrayList<>();
    for (PathSegment segment : parsed.segments()) {
      if (!(segment instanceof PathSegment.Definite definite)) {
        throw notReference(text, "it must select a single node (no wildcard, slice, union, filter or '..')");
      }
      steps.add(definite);
    }
    return new ReferencePath(text, steps);
  }

  /**
   * The path in the normalized form AWS prints in "No results for path" causes, e.g. {@code $.a[0]}
   * becomes {@code $['a'][0]}.
   */
  public static String normalized(PathExpression path) {
    return path instanceof CompiledPath compiled ? compiled.normalizedText() : path.text();
  }

  /**
   * Jayway's reason a path matched nothing in {@code ctx}: {@code Missing property in path $['a']}
   * when a property before the last step is absent, else {@code No results for path: $['a']['b']}.
   */
  public static String notFoundReason(PathExpression path, EvalContext ctx) {
    return path instanceof CompiledPath compiled ? compiled.notFoundReason(ctx) : "No results for path: " + path.text();
  }

  private static InvalidExpressionException notReference(String text, String problem) {
    return new InvalidExpressionException(
        PathCursor.INVALID_JSON_PATH, "Invalid ResultPath '" + text + "': " + problem);
  }
}
