package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.local.LocalRunner;
import dev.stepstream.engine.local.Mocks;
import dev.stepstream.engine.local.RunResult;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TestState: runs one state with the engine's local runner (virtual time). The state is started
 * in a small machine where every state it can move to is a {@code Succeed} stub, so the stub that
 * is entered is the {@code nextState}. Task states are not run (they need a worker).
 */
public final class TestStateOps {
  private static final String DEFAULT_NAME = "TestState";
  private final LocalRunner runner = new LocalRunner(EngineOptions.defaults(), Mocks.none());

  public void register(Map<String, Operation> ops) {
    ops.put("TestState", this::test);
  }

  private JsonNode test(RequestFields request) {
    JsonNode definition = AwsJson.parse(request.requiredText("definition", StateMachineOps.MAX_DEFINITION_LENGTH))
        .filter(JsonNode::isObject)
        .orElseThrow(() -> invalid("the definition is not a JSON object"));
    String name = request.optionalText("stateName").orElse(DEFAULT_NAME);
    JsonNode state = definition.has("States") ? definition.path("States").path(name) : definition;
    if (!state.isObject()) {
      throw invalid("no state named '" + name + "' in the definition");
    }
    if ("Task".equals(state.path("Type").asText())) {
      throw AwsErrors.validation("Stepstream's TestState does not run Task states: a Task needs a worker");
    }
    String level = TestStateInspection.level(request.optionalText("inspectionLevel"));
    String input = request.optionalText("input").orElse("{}");
    Optional<String> variables = request.optionalText("variables");
    ObjectNode machine = machine(name, state, variables);
    RunResult result = runner.run(AwsJson.write(machine), input);
    ObjectNode out = response(name, state, result);
    AwsJson.parse(input).flatMap(in -> TestStateInspection.of(level, machine, name, in,
            variables.flatMap(AwsJson::parse).orElse(null)))
        .ifPresent(data -> out.set("inspectionData", data));
    return out;
  }

  private static ObjectNode machine(String name, JsonNode state, Optional<String> variables) {
    ObjectNode machine = AwsJson.object();
    ObjectNode states = machine.putObject("States");
    if (variables.isPresent()) {
      JsonNode vars = AwsJson.parse(variables.get()).filter(JsonNode::isObject)
          .orElseThrow(() -> AwsErrors.validation("variables must be a JSON object"));
      machine.put("StartAt", "__variables");
      states.putObject("__variables").put("Type", "Pass").put("Next", name).set("Assign", vars);
    } else {
      machine.put("StartAt", name);
    }
    states.set(name, state);
    for (String target : targets(state)) {
      if (!target.equals(name)) {
        states.putObject(target).put("Type", "Succeed");
      }
    }
    return machine;
  }

  private static Set<String> targets(JsonNode state) {
    Set<String> out = new LinkedHashSet<>();
    addText(out, state.get("Next"));
    addText(out, state.get("Default"));
    state.path("Choices").forEach(c -> addText(out, c.get("Next")));
    state.path("Catch").forEach(c -> addText(out, c.get("Next")));
    return out;
  }

  private static void addText(Set<String> out, JsonNode node) {
    if (node != null && node.isTextual()) {
      out.add(node.textValue());
    }
  }

  private static ObjectNode response(String name, JsonNode state, RunResult result) {
    ObjectNode out = AwsJson.object();
    if (LocalRunner.VALIDATION_ERROR.equals(result.error())) {
      throw invalid(result.cause());
    }
    if (result.status() != ExecutionStatus.SUCCEEDED) {
      out.put("status", TestStateStatus.FAILED.name());
      out.put("error", result.error());
      out.put("cause", result.cause());
      return out;
    }
    Set<String> targets = targets(state);
    boolean exited = result.history().stream().anyMatch(e -> isExitOf(e, name));
    Optional<String> next = result.history().stream()
        .filter(e -> e.eventType().endsWith("StateEntered"))
        .map(e -> e.details().path("name").asText())
        .filter(n -> targets.contains(n) && !n.equals(name))
        .findFirst();
    out.put("status", (exited || next.isEmpty() ? TestStateStatus.SUCCEEDED : TestStateStatus.CAUGHT_ERROR).name());
    out.put("output", result.output() == null ? "null" : AwsJson.write(result.output()));
    next.ifPresent(n -> out.put("nextState", n));
    return out;
  }

  private static boolean isExitOf(HistoryEvent e, String name) {
    return e.eventType().endsWith("StateExited") && name.equals(e.details().path("name").asText());
  }

  private static AwsException invalid(String detail) {
    return new AwsException(AwsErrors.INVALID_DEFINITION, "Invalid State Machine Definition: '" + detail + "'");
  }

  /** TestState's own status values (not an execution's). */
  private enum TestStateStatus { SUCCEEDED, FAILED, CAUGHT_ERROR }
}
