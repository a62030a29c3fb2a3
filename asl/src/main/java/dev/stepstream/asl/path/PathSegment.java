package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import java.util.List;
import java.util.Map;

/** One step of a compiled JSONPath. Immutable. */
sealed interface PathSegment {

  /** True when the step selects at most one node. */
  boolean definite();

  /** Passes every node this step selects from {@code node} to {@code out}. */
  void select(JsonNode node, EvalContext ctx, Selection out);

  /** Jayway-style rendering ({@code ['a']}, {@code [0]}, {@code [*]}) used in AWS cause texts. */
  String normalized();

  /** A step that selects at most one node; evaluated without allocation. */
  sealed interface Definite extends PathSegment {
    /** The selected child, or null when there is none. */
    JsonNode step(JsonNode node);

    @Override
    default boolean definite() {
      return true;
    }

    @Override
    default void select(JsonNode node, EvalContext ctx, Selection out) {
      JsonNode child = step(node);
      if (child != null) {
        out.accept(child);
      }
    }
  }

  /** {@code .name} or {@code ['name']}. */
  record Field(String name) implements Definite {
    @Override
    public JsonNode step(JsonNode node) {
      return node.isObject() ? node.get(name) : null;
    }

    @Override
    public String normalized() {
      return "['" + name + "']";
    }
  }

  /** {@code [3]} or {@code [-1]} (counted from the end). */
  record Index(int index) implements Definite {
    @Override
    public JsonNode step(JsonNode node) {
      if (!node.isArray()) {
        return null;
      }
      int position = index < 0 ? node.size() + index : index;
      return position < 0 ? null : node.get(position);
    }

    @Override
    public String normalized() {
      return "[" + index + "]";
    }
  }

  /** {@code .*} or {@code [*]}: every member value or element. */
  record Wildcard() implements PathSegment {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void select(JsonNode node, EvalContext ctx, Selection out) {
      if (node.isContainerNode()) {
        for (JsonNode child : node) {
          out.accept(child);
        }
      }
    }

    @Override
    public String normalized() {
      return "[*]";
    }
  }

  /** {@code [start:end]} with either bound optional and negative bounds counted from the end. */
  record Slice(Integer start, Integer end) implements PathSegment {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void select(JsonNode node, EvalContext ctx, Selection out) {
      if (!node.isArray()) {
        return;
      }
      int size = node.size();
      int from = clamp(start == null ? 0 : start, size);
      int to = clamp(end == null ? size : end, size);
      for (int i = from; i < to; i++) {
        out.accept(node.get(i));
      }
    }

    private static int clamp(int bound, int size) {
      int position = bound < 0 ? size + bound : bound;
      return Math.max(0, Math.min(size, position));
    }

    @Override
    public String normalized() {
      return "[" + (start == null ? "" : start) + ":" + (end == null ? "" : end) + "]";
    }
  }

  /** {@code ['a','b']} or {@code [0,2]}: several definite selectors, results in the order written. */
  record Union(List<Definite> members) implements PathSegment {
    public Union {
      members = List.copyOf(members);
    }

    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void select(JsonNode node, EvalContext ctx, Selection out) {
      for (Definite member : members) {
        member.select(node, ctx, out);
      }
    }

    @Override
    public String normalized() {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < members.size(); i++) {
        String one = members.get(i).normalized();
        text.append(i == 0 ? "" : ",").append(one, 1, one.length() - 1);
      }
      return text.append(']').toString();
    }
  }

  /** {@code ..x}: applies {@code inner} to the node and, recursively, to every descendant (pre-order). */
  record DeepScan(PathSegment inner) implements PathSegment {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void select(JsonNode node, EvalContext ctx, Selection out) {
      inner.select(node, ctx, out);
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          select(member.getValue(), ctx, out);
        }
      } else if (node.isArray()) {
        for (JsonNode child : node) {
          select(child, ctx, out);
        }
      }
    }

    @Override
    public String normalized() {
      return ".." + inner.normalized();
    }
  }

  /** {@code [?(...)]}: array elements (or the object itself) for which the predicate holds. */
  record Filter(FilterPredicate predicate) implements PathSegment {
    @Override
    public boolean definite() {
      return false;
    }

    @Override
    public void select(JsonNode node, EvalContext ctx, Selection out) {
      if (node.isArray()) {
        for (JsonNode element : node) {
          if (predicate.test(element, ctx)) {
            out.accept(element);
          }
        }
      } else if (node.isObject() && predicate.test(node, ctx)) {
        out.accept(node);
      }
    }

    @Override
    public String normalized() {
      return "[?]";
    }
  }
}
