package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.processor.integrations.BuiltInIntegrations;
import dev.stepstream.processor.integrations.IntegrationSettings;
import dev.stepstream.processor.integrations.Outgoing;
import dev.stepstream.processor.integrations.TopicRouter;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parent's {@code states:startExecution} Task whose child cannot start: the processor that takes the
 * child's start (through the commands topic, as the integration runner writes it) answers the parent
 * on the task-results topic once, with AWS's error, and the parent's Catch applies. A request-response
 * Task is answered by that processor too, once the child started.
 */
class NestedStartFailuresTopologyTest extends TopologyTestCase {
  private static final String START_TASK = "__states.startExecution";
  private static final String MISSING = "arn:aws:states:us-east-1:123456789012:stateMachine:Missing";

  private final BuiltInIntegrations integrations = new BuiltInIntegrations(
      new TopicRouter(IntegrationSettings.defaults("stepstream."), TopicCatalogue.load()));
  private TestOutputTopic<String, byte[]> taskResults;

  @BeforeEach
  void readTaskResults() {
    taskResults = harness.driver.createOutputTopic(harness.topics.taskResults(), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  /** The parent (a Task that starts {@code child}, caught into Caught); a child (input {"child":true}) succeeds. */
  private void define(String resource, String childMachine, String name) {
    harness.define("""
        {"StartAt":"Which","States":{
          "Which":{"Type":"Choice","Choices":[{"Variable":"$.child","IsPresent":true,"Next":"Done"}],"Default":"Start"},
          "Start":{"Type":"Task","Resource":"%s",
            "Parameters":{"StateMachineArn":"%s"%s,"Input":{"child":true}},
            "Catch":[{"ErrorEquals":["StepFunctions.StateMachineDoesNotExistException",
              "StepFunctions.ExecutionAlreadyExistsException"],"Next":"Caught"}],"End":true},
          "Caught":{"Type":"Pass","End":true},
          "Done":{"Type":"Succeed"}}}""".formatted(resource, childMachine,
        name == null ? "" : ",\"Name\":\"" + name + "\""));
  }

  /** Runs the parent's start request as the integration runner does: its command goes to the commands topic. */
  private void runStartRequests() {
    for (TaskRequest request : harness.taskRequests(START_TASK)) {
      for (Outgoing out : integrations.plan(request, harness.nowMillis(), () -> UUID.randomUUID().toString(),
          topic -> true).records()) {
        harness.sendRaw(out.topic(), out.key(), out.value());
      }
    }
  }

  private List<TaskResult> answers() {
    return taskResults.readValuesToList().stream().map(v -> (TaskResult) WireJson.decode(v, WireRecord.class)).toList();
  }

  private static HistoryEvent event(List<HistoryEvent> history, String executionArn, String type) {
    return history.stream().filter(e -> e.executionArn().equals(executionArn) && e.eventType().equals(type))
        .findFirst().orElseThrow(() -> new AssertionError(
            "no " + type + " in " + history.stream().map(HistoryEvent::eventType).toList()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".sync", ".sync:2", ".waitForTaskToken"})
  void shouldFailTheParentTaskOnceWhenTheChildStateMachineDoesNotExist(String pattern) {
    define("arn:aws:states:::states:startExecution" + pattern, MISSING, null);
    String parent = harness.start("parent", JsonNodeFactory.instance.objectNode());
    runStartRequests();
    assertThat(answers()).as("parked for its grace").isEmpty();

    harness.advance(Duration.ofMillis(PendingStarts.CHILD_GRACE_MILLIS + 1_000));
    harness.advance(Duration.ofSeconds(5));

    List<TaskResult> answers = answers();
    assertThat(answers).singleElement().satisfies(answer -> assertThat(answer.executionArn()).isEqualTo(parent));
    List<HistoryEvent> history = harness.history();
    JsonNode failed = event(history, parent, "TaskFailed").details();
    assertThat(failed.get("error").asText()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
    assertThat(failed.get("cause").asText()).startsWith("State Machine Does Not Exist: '" + MISSING
        + "' (Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: ")
        .endsWith("; Proxy: null)");
    assertThat(event(history, parent, "PassStateEntered").details().get("name").asText()).isEqualTo("Caught");
    event(history, parent, "ExecutionSucceeded");
    assertThat(harness.deadLetters()).isEmpty();
  }

  @Test
  void shouldAnswerARequestResponseTaskWhenTheChildHasStarted() throws Exception {
    define("arn:aws:states:::states:startExecution", TopologyHarness.MACHINE, "kid");
    String parent = harness.start("parent", JsonNodeFactory.instance.objectNode());
    runStartRequests();

    List<TaskResult> answers = answers();
    assertThat(answers).singleElement().satisfies(answer -> assertThat(answer.executionArn()).isEqualTo(parent));
    JsonNode succeeded = event(harness.history(), parent, "TaskSucceeded").details();
    JsonNode result = WireJson.mapper().readTree(succeeded.get("output").asText());
    assertThat(result.get("ExecutionArn").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Test:kid");
    assertThat(result.get("StartDate").asLong()).isEqualTo(harness.nowMillis());
    assertThat(result.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(result.at("/SdkResponseMetadata/RequestId").asText()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".sync:2"})
  void shouldFailTheParentTaskWhenTheChildNameIsTakenByAnotherExecution(String pattern) {
    define("arn:aws:states:::states:startExecution" + pattern, TopologyHarness.MACHINE, "kid");
    harness.start("first", JsonNodeFactory.instance.objectNode());
    runStartRequests();
    answers();
    harness.history();
    String second = harness.start("second", JsonNodeFactory.instance.objectNode());
    runStartRequests();

    List<TaskResult> answers = answers();
    assertThat(answers).singleElement().satisfies(answer -> assertThat(answer.executionArn()).isEqualTo(second));
    JsonNode failed = event(harness.history(), second, "TaskFailed").details();
    assertThat(failed.get("error").asText()).isEqualTo("StepFunctions.ExecutionAlreadyExistsException");
    assertThat(failed.get("cause").asText()).startsWith("Execution Already Exists: "
        + "'arn:aws:states:us-east-1:123456789012:execution:Test:kid' (Service: AWSStepFunctions; Status Code: 400; "
        + "Error Code: ExecutionAlreadyExists; Request ID: ");
  }
}
