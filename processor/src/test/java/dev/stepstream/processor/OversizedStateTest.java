package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transition whose state would not fit in one changelog record stops the execution, not the stream thread. */
class OversizedStateTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int LIMIT = 8_000;
  private static final String TWO_TASKS = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work", "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work", "End": true}}}
      """;

  @TempDir Path stateDir;
  private TopologyHarness harness;

  @BeforeEach
  void startDriver() {
    harness = new TopologyHarness(stateDir, o -> o.withMaxStateBytes(LIMIT));
    harness.define(TWO_TASKS);
  }

  @AfterEach
  void closeDriver() {
    harness.close();
  }

  @Test
  void shouldAbortTheExecutionWithDataLimitExceededWhenItsStateWouldNotFitInOneRecord() {
    String arn = harness.start("big", JSON.objectNode());
    TaskRequest a = harness.taskRequests("Work").get(0);

    harness.send(new TaskSucceeded(1, arn, a.taskToken(), JSON.objectNode().put("blob", "x".repeat(LIMIT))));

    List<ExecutionSummary> summaries = harness.summaries();
    ExecutionSummary last = summaries.get(summaries.size() - 1);
    assertThat(last.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(last.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(last.cause()).contains("after this TaskSucceeded, more than the 8000 bytes one execution may store");
    List<HistoryEvent> history = harness.history();
    assertThat(history.get(history.size() - 1).eventType()).isEqualTo("ExecutionAborted");
    assertThat(history).extracting(HistoryEvent::eventType).doesNotContain("TaskSucceeded");
    assertThat(harness.taskRequests("Work")).isEmpty();
  }

  @Test
  void shouldKeepProcessingOtherExecutionsAfterStoppingAnOversizedOne() {
    String big = harness.start("big", JSON.objectNode());
    harness.send(new TaskSucceeded(1, big, harness.taskRequests("Work").get(0).taskToken(),
        JSON.objectNode().put("blob", "x".repeat(LIMIT))));

    String small = harness.start("small", JSON.objectNode());
    harness.send(new TaskSucceeded(1, small, harness.taskRequests("Work").get(0).taskToken(), JSON.objectNode()));
    harness.send(new TaskSucceeded(1, small, harness.taskRequests("Work").get(0).taskToken(), JSON.objectNode()));

    assertThat(harness.summaries()).filteredOn(s -> s.executionArn().equals(small))
        .extracting(ExecutionSummary::status).endsWith(ExecutionStatus.SUCCEEDED);
    assertThat(harness.deadLetters()).isEmpty();
  }

  @Test
  void shouldDeadLetterAStartWhoseFirstStateIsAlreadyTooLarge() {
    String arn = harness.start("huge-input", JSON.objectNode().put("blob", "y".repeat(LIMIT)));

    assertThat(harness.deadLetters()).singleElement()
        .satisfies(letter -> assertThat(letter.reason()).contains("after this StartExecution"));
    assertThat(harness.summaries()).noneMatch(s -> s.executionArn().equals(arn));
    assertThat(harness.driver.getKeyValueStore(StepstreamTopology.EXECUTIONS_STORE).get(arn)).isNull();
  }

  @Test
  void shouldStoreStatesUnderTheLimitAsBefore() {
    String arn = harness.start("fits", JSON.objectNode());
    harness.send(new TaskSucceeded(1, arn, harness.taskRequests("Work").get(0).taskToken(),
        JSON.objectNode().put("blob", "z".repeat(100))));

    assertThat(harness.taskRequests("Work")).hasSize(1);
    assertThat(harness.summaries()).extracting(ExecutionSummary::status).doesNotContain(ExecutionStatus.ABORTED);
  }
}
