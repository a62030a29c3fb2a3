package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import java.util.List;

/** The condition inside {@code [?( ... )]}, evaluated against one candidate node ({@code @}). */
sealed interface FilterPredicate {

  boolean test(JsonNode current, EvalContext ctx);

  record Or(FilterPredicate left, FilterPredicate right) implements FilterPredicate {
    @Override
    public boolean test(JsonNode current, EvalContext ctx) {
      return left.test(current, ctx) || right.test(current, ctx);
    }
  }

  record And(FilterPredicate left, FilterPredicate right) implements FilterPredicate {
    @Override
    public boolean test(JsonNode current, EvalContext ctx) {
      return left.test(current, ctx) && right.test(current, ctx);
    }
  }

  record Not(FilterPredicate inner) implements FilterPredicate {
    @Override
    public boolean test(JsonNode current, EvalContext ctx) {
      return !inner.test(current, ctx);
    }
  }

  /** {@code [?(@.isbn)]}: the operand resolves to a node (JSON null counts as present). */
  record Exists(Operand operand) implements FilterPredicate {
    @Override
    public boolean test(JsonNode current, EvalContext ctx) {
      return operand.resolve(current, ctx) != null;
    }
  }

  record Comparison(Operand left, Comparator operator, Operand right) implements FilterPredicate {
    @Override
    public boolean test(JsonNode current, EvalContext ctx) {
      return operator.holds(left.resolve(current, ctx), right.resolve(current, ctx));
    }
  }

  /** A value inside a filter: a literal, {@code @...} or {@code $...}. */
  sealed interface Operand {
    /** The value, or null when a path operand finds nothing. */
    JsonNode resolve(JsonNode current, EvalContext ctx);
  }

  record Literal(JsonNode value) implements Operand {
    @Override
    public JsonNode resolve(JsonNode current, EvalContext ctx) {
      return value;
    }
  }

  /** {@code @.a[0]} relative to the candidate node, or {@code $.a} relative to the path's root. */
  record PathOperand(boolean relative, PathRoot root, List<PathSegment.Definite> steps)
      implements Operand {
    public PathOperand {
      steps = List.copyOf(steps);
    }

    @Override
    public JsonNode resolve(JsonNode current, EvalContext ctx) {
      JsonNode node = relative ? current : root.resolve(ctx);
      for (int i = 0; i < steps.size() && node != null; i++) {
        node = node.isMissingNode() ? null : steps.get(i).step(node);
      }
      return node == null || node.isMissingNode() ? null : node;
    }
  }
}
