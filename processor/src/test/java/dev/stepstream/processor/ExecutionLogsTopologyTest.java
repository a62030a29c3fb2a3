package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.LoggingConfiguration;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Execution log events on the logs topic, per loggingConfiguration level, through the real topology. */
class ExecutionLogsTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String ONE_TASK = """
      {"StartAt": "Resize", "States": {
        "Resize": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Resize", "End": true}}}
      """;

  @Test
  void shouldLogEveryEventAtAllInTheAwsShape() {
    harness.define(ONE_TASK, new LoggingConfiguration("ALL", true, null));

    String arn = succeedOnce();

    List<JsonNode> logs = harness.logs();
    assertThat(logs).extracting(l -> l.get("type").asText()).containsExactly("ExecutionStarted", "TaskStateEntered",
        "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
        "ExecutionSucceeded");
    JsonNode first = logs.get(0);
    assertThat(first.get("id").asText()).isEqualTo("1");
    assertThat(first.get("previous_event_id").asText()).isEqualTo("0");
    assertThat(first.get("execution_arn").asText()).isEqualTo(arn);
    assertThat(first.get("redrive_count").asText()).isEqualTo("0");
    assertThat(first.get("details").has("input")).isTrue();
  }

  @Test
  void shouldLogNothingWhenOffOrWithoutConfiguration() {
    harness.define(ONE_TASK);

    succeedOnce();

    assertThat(harness.logs()).isEmpty();
  }

  @Test
  void shouldLogOnlyErrorsAtErrorAndOnlyTheExecutionFailureAtFatal() {
    harness.define(ONE_TASK, new LoggingConfiguration("ERROR", false, null));
    failOnce("run-error");
    List<JsonNode> errors = harness.logs();

    harness.define(ONE_TASK, new LoggingConfiguration("FATAL", false, null));
    failOnce("run-fatal");
    List<JsonNode> fatal = harness.logs();

    assertThat(errors).extracting(l -> l.get("type").asText()).containsExactly("LambdaFunctionFailed", "ExecutionFailed");
    assertThat(errors.get(1).get("details").get("error").asText()).isEqualTo("Image.TooLarge");
    assertThat(fatal).extracting(l -> l.get("type").asText()).containsExactly("ExecutionFailed");
  }

  @Test
  void shouldLeaveOutExecutionDataWhenNotIncluded() {
    harness.define(ONE_TASK, new LoggingConfiguration("ALL", false, null));

    succeedOnce();

    assertThat(harness.logs()).allSatisfy(l -> assertThat(l.path("details").has("input") || l.path("details").has("output"))
        .as(l.toString()).isFalse());
  }

  @Test
  void shouldAttachTheWorkersOutputToTheTaskOutcomeEvent() {
    harness.define(ONE_TASK);
    String arn = harness.start("run-out", JSON.objectNode());
    TaskRequest request = harness.taskRequests("Resize").get(0);

    harness.send(new TaskSucceeded(1, arn, request.taskToken(), JSON.objectNode(), List.of("resizing", "done")));

    HistoryEvent succeeded = harness.history().stream()
        .filter(e -> e.eventType().equals("LambdaFunctionSucceeded")).findFirst().orElseThrow();
    assertThat(succeeded.workerOutput()).containsExactly("resizing", "done");
  }

  private String succeedOnce() {
    String arn = harness.start("run-1", JSON.objectNode().put("imagem", "gato.png"));
    TaskRequest request = harness.taskRequests("Resize").get(0);
    harness.send(new TaskSucceeded(1, arn, request.taskToken(), JSON.objectNode().put("ok", true)));
    return arn;
  }

  private void failOnce(String name) {
    String arn = harness.start(name, JSON.objectNode());
    TaskRequest request = harness.taskRequests("Resize").get(0);
    harness.send(new TaskFailed(1, arn, request.taskToken(), "Image.TooLarge", "30 MB"));
  }
}
