package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.dataflow.JsonPathDataFlow;
import dev.stepstream.asl.eval.EvalContext;
import dev.stepstream.asl.eval.RandomSource;
import dev.stepstream.asl.model.JsonPathFlow;
import dev.stepstream.asl.model.JsonataFlow;
import dev.stepstream.asl.model.PassState;
import dev.stepstream.asl.model.State;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TestState's {@code inspectionData} (AWS: InspectionData API reference). INFO (the default) shows the
 * final output only, so no inspection data. DEBUG and TRACE add the data-flow steps: {@code input},
 * then in JSONPath mode {@code afterInputPath}, {@code afterParameters}, {@code result},
 * {@code afterResultSelector} and {@code afterResultPath} ("Not populated when QueryLanguage is
 * JSONata"); in JSONata mode {@code afterArguments} when the state has Arguments. TRACE's HTTP
 * {@code request}/{@code response} exist only for HTTP Tasks, which Stepstream's TestState does not run.
 * The result steps are shown for states that have a result (Pass); a step that fails ends the data.
 */
final class TestStateInspection {
  static final List<String> LEVELS = List.of("INFO", "DEBUG", "TRACE");

  private TestStateInspection() {}

  static String level(Optional<String> requested) {
    String level = requested.orElse("INFO");
    if (!LEVELS.contains(level)) {
      throw AwsErrors.constraint("inspectionLevel", level, "Member must satisfy enum value set: " + LEVELS);
    }
    return level;
  }

  /** The inspection data for {@code level}, or empty for INFO. */
  static Optional<ObjectNode> of(String level, JsonNode machine, String stateName, JsonNode input, JsonNode variables) {
    if ("INFO".equals(level)) {
      return Optional.empty();
    }
    ObjectNode data = AwsJson.object();
    data.put("input", AwsJson.write(input));
    Optional<State> state = Asl.compile(machine).stateMachine().flatMap(m -> m.state(stateName));
    if (state.isEmpty()) {
      return Optional.of(data);
    }
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    if (variables != null && variables.isObject()) {
      variables.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
    }
    EvalContext ec = EvalContext.of(input, AwsJson.object(), vars, RandomSource.seeded(0));
    try {
      steps(state.get(), ec, data);
    } catch (RuntimeException e) {
      // The state failed at this step; AWS shows the steps up to the failure.
    }
    return Optional.of(data);
  }

  private static void steps(State s, EvalContext ec, ObjectNode data) {
    if (s.flow() instanceof JsonataFlow j) {
      if (j.arguments().isPresent()) {
        data.put("afterArguments", AwsJson.write(j.arguments().get().evaluate(ec)));
      }
      return;
    }
    JsonPathFlow p = (JsonPathFlow) s.flow();
    JsonNode afterInputPath = JsonPathDataFlow.inputPath(p.inputPath(), ec);
    data.put("afterInputPath", AwsJson.write(afterInputPath));
    JsonNode afterParameters = p.parameters().isPresent()
        ? p.parameters().get().evaluate(ec.withInput(afterInputPath)) : afterInputPath;
    data.put("afterParameters", AwsJson.write(afterParameters));
    if (!(s instanceof PassState pass)) {
      return;
    }
    JsonNode result = pass.result().orElse(afterParameters);
    data.put("result", AwsJson.write(result));
    JsonNode selected = p.resultSelector().isPresent() ? p.resultSelector().get().evaluate(ec.withInput(result)) : result;
    data.put("afterResultSelector", AwsJson.write(selected));
    data.put("afterResultPath", AwsJson.write(JsonPathDataFlow.resultPath(p.resultPath(), ec.input(), selected)));
  }
}
