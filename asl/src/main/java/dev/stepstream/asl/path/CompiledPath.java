package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.PathExpression;
import java.util.List;

/**
 * A compiled JSONPath. A definite path walks its steps without allocating and returns the node it
 * finds or a MissingNode; an indefinite path returns a new ArrayNode of every match (possibly empty),
 * as Jayway JsonPath (which AWS uses) does.
 */
final class CompiledPath implements PathExpression {
  private final String text;
  private final PathRoot root;
  private final PathSegment[] segments;
  private final PathSegment.Definite[] definiteSteps;

  CompiledPath(String text, PathRoot root, List<PathSegment> segments) {
    this.text = text;
    this.root = root;
    this.segments = segments.toArray(new PathSegment[0]);
    boolean definite = segments.stream().allMatch(PathSegment::definite);
    this.definiteSteps = definite ? segments.toArray(new PathSegment.Definite[0]) : null;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public boolean definite() {
    return definiteSteps != null;
  }

  PathRoot root() {
    return root;
  }

  List<PathSegment> segments() {
    return List.of(segments);
  }

  @Override
  public JsonNode evaluate(EvalContext ctx) {
    JsonNode start = root.resolve(ctx);
    if (definiteSteps != null) {
      return walk(start);
    }
    ArrayNode matches = JsonNodeFactory.instance.arrayNode();
    if (!start.isMissingNode()) {
      collect(start, 0, ctx, matches);
    }
    return matches;
  }

  private JsonNode walk(JsonNode start) {
    JsonNode node = start;
    for (PathSegment.Definite step : definiteSteps) {
      node = step.step(node);
      if (node == null) {
        return MissingNode.getInstance();
      }
    }
    return node;
  }

  private void collect(JsonNode node, int index, EvalContext ctx, ArrayNode matches) {
    if (index == segments.length) {
      matches.add(node);
      return;
    }
    segments[index].select(node, ctx, child -> collect(child, index + 1, ctx, matches));
  }

  /**
   * Why a definite path found nothing, as Jayway JsonPath (which AWS uses) words it: a missing
   * property before the last step is "Missing property in path $['a']" (the path up to it); anything
   * else is "No results for path: " and the whole normalized path.
   */
  String notFoundReason(EvalContext ctx) {
    if (definiteSteps != null) {
      JsonNode node = root.resolve(ctx);
      StringBuilder walked = new StringBuilder(root.text());
      for (int i = 0; i < definiteSteps.length - 1 && !node.isMissingNode(); i++) {
        walked.append(definiteSteps[i].normalized());
        JsonNode next = definiteSteps[i].step(node);
        if (next == null) {
          if (definiteSteps[i] instanceof PathSegment.Field && node.isObject()) {
            return "Missing property in path " + walked;
          }
          break;
        }
        node = next;
      }
    }
    return "No results for path: " + normalizedText();
  }

  /** The path in Jayway's normalized form ({@code $['a'][0]}), as AWS prints it in cause texts. */
  String normalizedText() {
    StringBuilder normalized = new StringBuilder(root.text());
    for (PathSegment segment : segments) {
      normalized.append(segment.normalized());
    }
    return normalized.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
