package dev.stepstream.engine.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.model.Choice;
import dev.stepstream.asl.model.ChoiceState;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.model.FailState;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.JsonataFlow;
import dev.stepstream.asl.model.PassState;
import dev.stepstream.asl.model.SucceedState;
import dev.stepstream.asl.model.Transition;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.runtime.Step;

/** Pass, Choice, Succeed and Fail: states that finish within one step. */
final class SimpleStates {
  private SimpleStates() {}

  static void pass(Run run, Frame f, PassState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    JsonNode result;
    if (s.flow() instanceof JsonPathFlow) {
      result = s.result().isPresent() ? s.result().get() : Flow.effectiveInput(s, ec);
    } else {
      result = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, f, s, out.output(), out.assigned(), s.next());
  }

  static void choice(Run run, Frame f, ChoiceState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    JsonNode effective = Flow.afterInputPath(s, ec);
    EvalContext ce = ec.withInput(effective);
    for (Choice c : s.choices()) {
      if (c.rule().matches(ce)) {
        leaveChoice(run, f, s, ec, effective, c, c.next());
        return;
      }
    }
    if (s.defaultState().isEmpty()) {
      throw new AslException(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
    }
    leaveChoice(run, f, s, ec, effective, null, s.defaultState().get());
  }

  private static void leaveChoice(Run run, Frame f, ChoiceState s, EvalContext ec, JsonNode effective, Choice c,
      String next) {
    if (s.flow() instanceof JsonataFlow j) {
      JsonNode output = c != null && c.output().isPresent() ? c.output().get().evaluate(ec)
          : Flow.evaluateOptional(j.output(), ec);
      JsonNode assigned = c != null && c.assign().isPresent() ? c.assign().get().evaluate(ec)
          : Flow.evaluateOptional(j.assign(), ec);
      Flow.exit(run, f, s, output == null ? ec.input() : output, assigned, Transition.next(next));
      return;
    }
    Flow.Outcome out = Flow.output(s, ec, effective);
    Flow.exit(run, f, s, out.output(), out.assigned(), Transition.next(next));
  }

  static void succeed(Run run, Frame f, SucceedState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    JsonNode result = s.flow() instanceof JsonPathFlow ? Flow.afterInputPath(s, ec)
        : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    Flow.Outcome out = Flow.output(s, ec, result);
    Flow.exit(run, f, s, out.output(), out.assigned(), Transition.END);
  }

  static void fail(Run run, Frame f, FailState s) {
    EvalContext ec = Flow.eval(run, f, f.input(), null);
    String error = s.error().isPresent() ? failField(s.error().get(), ec, "Error") : null;
    String cause = s.cause().isPresent() ? failField(s.cause().get(), ec, "Cause") : null;
    run.schedule(new Step.Failed(f.id(), error, cause));
  }

  /**
   * Error/Cause, ErrorPath/CausePath or their JSONata form. A path that finds nothing fails the state
   * with the cause AWS records: {@code The JSONPath '$.ErrorX' specified for the field 'ErrorPath'
   * could not be found in the input '{"a":1}'} (LocalStack's AWS-validated test_base_scenarios).
   */
  private static String failField(DynamicValue v, EvalContext ec, String field) {
    if (v instanceof DynamicValue.FromPath p && p.path().evaluate(ec).isMissingNode()) {
      throw new AslException(ErrorNames.RUNTIME, "The JSONPath '" + p.path().text() + "' specified for the field '"
          + field + "Path' could not be found in the input '" + Json.write(ec.input()) + "'");
    }
    return Dynamic.text(v, ec, field);
  }
}
