package dev.stepstream.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.stepstream.asl.model.ChoiceState;
import dev.stepstream.asl.model.DynamicValue;
import dev.stepstream.asl.model.FailState;
import dev.stepstream.asl.model.ParallelState;
import dev.stepstream.asl.model.PassState;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.asl.model.State;
import dev.stepstream.asl.model.StateGraph;
import dev.stepstream.asl.model.SucceedState;
import dev.stepstream.asl.model.TaskState;
import dev.stepstream.asl.model.Transition;
import dev.stepstream.asl.model.WaitFor;
import dev.stepstream.asl.model.WaitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds one compiled state of each type (Map lives in {@link MapParser}). */
final class StateParser {
  private final FieldCompiler fields;
  private final DataFlowParser flows;
  private final ErrorHandlingParser errors;
  private final ChoiceParser choices;
  private final GraphParser graphs;
  private final MapParser maps;

  StateParser(FieldCompiler fields, GraphParser graphs) {
    this.fields = fields;
    this.flows = new DataFlowParser(fields);
    this.errors = new ErrorHandlingParser(fields, flows);
    this.choices = new ChoiceParser(fields);
    this.graphs = graphs;
    this.maps = new MapParser(fields, flows, errors, graphs);
  }

  /** The compiled state, or empty for an unknown Type (reported by the validator). */
  Optional<State> parse(ParsedState state) {
    String type = state.text("Type").orElse("");
    return Optional.ofNullable(switch (type) {
      case "Pass" -> pass(state);
      case "Task" -> task(state);
      case "Choice" -> choice(state);
      case "Wait" -> waitState(state);
      case "Succeed" -> new SucceedState(state.name(), comment(state), state.language(), flows.parse(state, null));
      case "Fail" -> fail(state);
      case "Parallel" -> parallel(state);
      case "Map" -> maps.parse(state);
      default -> null;
    });
  }

  static Optional<String> comment(ParsedState state) {
    return state.text("Comment");
  }

  static Transition transition(ParsedState state) {
    Optional<String> next = state.text("Next");
    return next.isPresent() ? Transition.next(next.get()) : Transition.END;
  }

  private PassState pass(ParsedState state) {
    Optional<JsonNode> result = state.jsonata() ? Optional.empty() : state.raw("Result");
    return new PassState(state.name(), comment(state), state.language(), flows.parse(state, "Parameters"), result, transition(state));
  }

  private TaskState task(ParsedState state) {
    Resource resource = state.text("Resource").flatMap(Resource::parse).orElse(null);
    DynamicValue timeout = fields.dynamic(state, "TimeoutSeconds", "TimeoutSecondsPath")
        .orElse(DynamicValue.fixed(LongNode.valueOf(TaskState.DEFAULT_TIMEOUT_SECONDS)));
    return new TaskState(
        state.name(),
        comment(state),
        state.language(),
        flows.parse(state, "Parameters"),
        resource,
        timeout,
        fields.dynamic(state, "HeartbeatSeconds", "HeartbeatSecondsPath"),
        fields.template(state.get("Credentials"), state.pointer("Credentials"), state.jsonata()),
        errors.retriers(state),
        errors.catchers(state),
        transition(state));
  }

  private ChoiceState choice(ParsedState state) {
    return new ChoiceState(
        state.name(), comment(state), state.language(), flows.parse(state, null), choices.choices(state), state.text("Default"));
  }

  private WaitState waitState(ParsedState state) {
    Optional<DynamicValue> seconds = fields.dynamic(state, "Seconds", "SecondsPath");
    Optional<DynamicValue> timestamp = fields.dynamic(state, "Timestamp", "TimestampPath");
    WaitFor waitFor = seconds.<WaitFor>map(WaitFor.Seconds::new).orElse(timestamp.map(WaitFor.Timestamp::new).orElse(null));
    return new WaitState(state.name(), comment(state), state.language(), flows.parse(state, null), waitFor, transition(state));
  }

  private FailState fail(ParsedState state) {
    return new FailState(
        state.name(),
        comment(state),
        state.language(),
        flows.identity(state),
        fields.dynamicOrIntrinsic(state, "Error", "ErrorPath"),
        fields.dynamicOrIntrinsic(state, "Cause", "CausePath"));
  }

  private ParallelState parallel(ParsedState state) {
    List<StateGraph> branches = new ArrayList<>();
    JsonNode array = state.get("Branches");
    for (int i = 0; i < array.size(); i++) {
      branches.add(graphs.parse(array.get(i), state.pointer("Branches") + "/" + i));
    }
    return new ParallelState(
        state.name(),
        comment(state),
        state.language(),
        flows.parse(state, "Parameters"),
        branches,
        errors.retriers(state),
        errors.catchers(state),
        transition(state));
  }
}
