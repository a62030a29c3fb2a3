package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeleteStateMachine while an execution runs: the API tombstones the state machine but keeps the
 * revision copy the execution is pinned to, so the execution finishes (as AWS lets it).
 */
class StateMachineDeletionTest extends TopologyTestCase {
  private static final String TWO_TASKS = """
      {"StartAt": "First", "States": {
        "First": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:First", "Next": "Second"},
        "Second": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Second", "End": true}}}
      """;

  @Test
  void shouldLetARunningExecutionFinishAfterItsStateMachineIsDeleted() {
    StateMachineRecord machine = new StateMachineRecord(1, TopologyHarness.MACHINE, "Test",
        StateMachineRecord.KIND_STATE_MACHINE, TWO_TASKS, "STANDARD", "arn:aws:iam::123456789012:role/test", "r1", 1L, 1L);
    harness.sendRaw(harness.topics.definitions(), StateMachineRecord.revisionKey(machine.arn(), "r1"),
        WireJson.encode(machine.asRevision()));
    harness.sendRaw(harness.topics.definitions(), machine.arn(), WireJson.encode(machine));
    String arn = harness.start("before-delete", JsonNodeFactory.instance.objectNode());
    TaskRequest first = single(harness.taskRequests("First"));

    harness.sendRaw(harness.topics.definitions(), machine.arn(), null);
    harness.send(new TaskSucceeded(1, arn, first.taskToken(), JsonNodeFactory.instance.objectNode()));
    TaskRequest second = single(harness.taskRequests("Second"));
    harness.send(new TaskSucceeded(1, arn, second.taskToken(), JsonNodeFactory.instance.objectNode().put("done", true)));

    var summaries = harness.summaries();
    assertThat(summaries.get(summaries.size() - 1).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(harness.deadLetters()).isEmpty();
  }

  @Test
  void shouldNotStartAnExecutionOfADeletedStateMachine() {
    harness.define(TWO_TASKS);
    harness.sendRaw(harness.topics.definitions(), TopologyHarness.MACHINE, null);

    harness.start("after-delete", JsonNodeFactory.instance.objectNode());
    harness.advance(java.time.Duration.ofMillis(PendingStarts.GIVE_UP_MILLIS + 1_000));

    assertThat(harness.taskRequests("First")).isEmpty();
    assertThat(single(harness.deadLetters()).reason()).contains("does not exist");
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
