package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stepstream.asl.dataflow.JsonPathDataFlow;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.Expression;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.JsonataFlow;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.Transition;
import dev.stepstream.engine.runtime.ContextObject;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.History;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;
import java.util.Optional;

/** The data flow shared by the state handlers: effective input, result to output, Assign, exit. */
public final class Flow {
  /** 256 KiB: the largest variable, and the largest set of variables one Assign may set. */
  static final int MAX_ASSIGN_BYTES = 262_144;

  private Flow() {}

  /** The result of a state turned into its output, plus the variables it assigns (null for none). */
  public record Outcome(JsonNode output, JsonNode assigned) {}

  public static EvalContext eval(Run run, Frame f, JsonNode input, String token) {
    return new EvalContext(input, ContextObject.of(run, f, token), run.visibleVariables(f), MissingNode.getInstance(),
        MissingNode.getInstance(), run.ctx().random(), run.now());
  }

  /** JSONPath: InputPath (the input for {@code *Path} fields and Map items). JSONata: the raw input. */
  public static JsonNode afterInputPath(State s, EvalContext ec) {
    if (s.flow() instanceof JsonPathFlow p) {
      return JsonPathDataFlow.inputPath(p.inputPath(), ec);
    }
    return ec.input();
  }

  /** JSONPath: InputPath then Parameters. JSONata: Arguments, else the raw input. */
  public static JsonNode effectiveInput(State s, EvalContext ec) {
    if (s.flow() instanceof JsonPathFlow p) {
      JsonNode selected = JsonPathDataFlow.inputPath(p.inputPath(), ec);
      return p.parameters().isPresent() ? p.parameters().get().evaluate(ec.withInput(selected)) : selected;
    }
    JsonataFlow j = (JsonataFlow) s.flow();
    return j.arguments().isPresent() ? j.arguments().get().evaluate(ec) : ec.input();
  }

  /**
   * Turns a state's result into its output. {@code ec.input()} is the raw state input. A missing
   * result (states without one, JSONata) makes the output default to the input.
   */
  public static Outcome output(State s, EvalContext ec, JsonNode result) {
    if (s.flow() instanceof JsonPathFlow p) {
      JsonNode selected = p.resultSelector().isPresent() ? p.resultSelector().get().evaluate(ec.withInput(result)) : result;
      JsonNode placed = JsonPathDataFlow.resultPath(p.resultPath(), ec.input(), selected);
      JsonNode out = JsonPathDataFlow.outputPath(p.outputPath(), placed, ec);
      JsonNode assigned = p.assign().isPresent() ? p.assign().get().evaluate(ec.withInput(selected)) : null;
      return new Outcome(out, assigned);
    }
    JsonataFlow j = (JsonataFlow) s.flow();
    EvalContext withResult = ec.withResult(result);
    JsonNode out = j.output().isPresent() ? j.output().get().evaluate(withResult)
        : (result.isMissingNode() ? ec.input() : result);
    JsonNode assigned = j.assign().isPresent() ? j.assign().get().evaluate(withResult) : null;
    return new Outcome(out, assigned);
  }

  /** Evaluates an optional JSONata Output/Assign pair (Choice rules, catchers). */
  public static JsonNode evaluateOptional(Optional<Expression> expression, EvalContext ec) {
    return expression.isPresent() ? expression.get().evaluate(ec) : null;
  }

  /**
   * Leaves the frame's current state: payload limit, StateExited event, variables, then the next
   * state or the end of the frame. Throws States.DataLimitExceeded before any change.
   */
  public static void exit(Run run, Frame f, State s, JsonNode output, JsonNode assigned, Transition next) {
    String text = Json.write(output);
    checkSize(run, s.name(), text);
    checkAssignedSize(run, s.name(), assigned);
    if (f.children() != null) {
      // A Parallel/Map left through Catch: its halted branches/iterations are no longer needed.
      Children.discard(run, f);
    }
    run.emitFor(f, History.exitedType(s), "stateExitedEventDetails", History.exited(s.name(), text));
    f.assign(assigned);
    if (next instanceof Transition.Next n) {
      f.moveTo(n.stateName(), output, text);
      run.schedule(new Step.Advance(f.id()));
    } else {
      run.schedule(new Step.FrameDone(f.id(), output));
    }
  }

  public static void checkSize(Run run, String stateName, String jsonText) {
    if (Json.utf8Size(jsonText, run.options().maxPayloadBytes()) > run.options().maxPayloadBytes()) {
      // Cause text as AWS words it for oversized state results (not confirmed byte for byte).
      throw new AslException(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + stateName
          + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }
  }

  /**
   * AWS quota: the variables one Assign sets may be at most 256 KiB together (so each one is, too).
   * The error name follows the other payload limits; the cause wording is ours.
   */
  static void checkAssignedSize(Run run, String stateName, JsonNode assigned) {
    if (assigned == null || !assigned.isObject() || assigned.isEmpty()) {
      return;
    }
    if (Json.utf8Size(Json.write(assigned), MAX_ASSIGN_BYTES) > MAX_ASSIGN_BYTES) {
      throw new AslException(ErrorNames.DATA_LIMIT_EXCEEDED, "The variables assigned by the state '" + stateName
          + "' exceed the maximum size of " + MAX_ASSIGN_BYTES + " bytes.");
    }
  }
}
