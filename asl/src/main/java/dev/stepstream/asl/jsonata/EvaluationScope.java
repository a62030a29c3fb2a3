package dev.stepstream.asl.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Timebox;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.EvalContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bindings of one evaluation of one template, shared by every expression in it: {@code $states}
 * and the variables are converted to library values at most once, and only when an expression
 * mentions them. Confined to the evaluating thread.
 */
final class EvaluationScope {
  static final String STATES = "states";
  /** AWS bounds evaluation depth at 100 (reported); the time bound is the library's default. */
  static final int MAX_DEPTH = 100;
  static final long TIMEOUT_MILLIS = 5_000;

  private final EvalContext ctx;
  private final Map<String, Object> converted = new HashMap<>();

  EvaluationScope(EvalContext ctx) {
    this.ctx = ctx;
  }

  /** A new frame binding exactly the names an expression mentions; the library copies it. */
  Jsonata.Frame frameFor(Set<String> names) {
    Jsonata.Frame frame = new Jsonata.Frame(null);
    new Timebox(frame, TIMEOUT_MILLIS, MAX_DEPTH); // registers its depth and time checks on the frame
    for (String name : names) {
      Object value = lookup(name);
      if (value != null) {
        frame.bind(name, value);
      }
    }
    return frame;
  }

  private Object lookup(String name) {
    Object value = converted.get(name);
    if (value == null && !converted.containsKey(name)) {
      value = convert(name);
      converted.put(name, value);
    }
    return value;
  }

  private Object convert(String name) {
    if (name.equals(STATES)) {
      return states();
    }
    JsonNode variable = ctx.variables().get(name);
    if (variable != null && !variable.isMissingNode()) {
      return JsonConversion.toJava(variable);
    }
    return contextFunction(name);
  }

  private Map<String, Object> states() {
    Map<String, Object> states = new LinkedHashMap<>();
    states.put("input", JsonConversion.toJava(ctx.input()));
    states.put("context", JsonConversion.toJava(ctx.context()));
    if (!ctx.result().isMissingNode()) {
      states.put("result", JsonConversion.toJava(ctx.result()));
    }
    if (!ctx.errorOutput().isMissingNode()) {
      states.put("errorOutput", JsonConversion.toJava(ctx.errorOutput()));
    }
    return states;
  }

  /**
   * Functions that read the execution: $random and $uuid draw from the context's RandomSource;
   * $now and $millis are replaced because the library's read a timestamp kept per thread, which
   * is stale when one compiled expression is evaluated on pooled threads.
   */
  private Object contextFunction(String name) {
    return switch (name) {
      case "random" -> StepFunctionsFunctions.function("random", args -> args.get(0) == null
          ? (Object) ctx.random().nextDouble()
          : StepFunctionsFunctions.seededRandom(args.get(0)), "<n?:n>");
      case "uuid" -> StepFunctionsFunctions.function("uuid", args -> ctx.random().nextUuid(), "<:s>");
      case "millis" -> StepFunctionsFunctions.function("millis", args -> millis(), "<:n>");
      case "now" -> StepFunctionsFunctions.function("now",
          args -> Functions.dateTimeFromMillis(millis(), (String) args.get(0), (String) args.get(1)),
          "<s?s?:s>");
      default -> null;
    };
  }

  /** The time comes from the evaluation context, so executions replay deterministically. */
  private long millis() {
    return ctx.nowMillis();
  }
}
