package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stepstream.asl.eval.EvalContext;

/** Where a path starts: {@code $} (the input), {@code $$} (the context object) or {@code $name} (a variable). */
public sealed interface PathRoot {

  /** The document this root denotes, or a MissingNode for an undefined variable. */
  JsonNode resolve(EvalContext ctx);

  /** The root as written: {@code $}, {@code $$} or {@code $name}. */
  String text();

  /** {@code $}: the state's (effective) input. */
  record Input() implements PathRoot {
    @Override
    public JsonNode resolve(EvalContext ctx) {
      return ctx.input();
    }

    @Override
    public String text() {
      return "$";
    }
  }

  /** {@code $$}: the context object. */
  record Context() implements PathRoot {
    @Override
    public JsonNode resolve(EvalContext ctx) {
      return ctx.context();
    }

    @Override
    public String text() {
      return "$$";
    }
  }

  /** {@code $name}: a workflow variable. */
  record Variable(String name) implements PathRoot {
    @Override
    public JsonNode resolve(EvalContext ctx) {
      JsonNode value = ctx.variables().get(name);
      return value == null ? MissingNode.getInstance() : value;
    }

    @Override
    public String text() {
      return "$" + name;
    }
  }
}
