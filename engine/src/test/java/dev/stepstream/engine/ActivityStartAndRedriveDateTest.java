package dev.stepstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskHeartbeat;
import org.junit.jupiter.api.Test;

/**
 * AWS: ActivityStarted carries {@code activityStartedEventDetails.workerName}, "the name of the worker
 * that the task is assigned to" (ActivityStartedEventDetails API reference); DescribeExecution's
 * {@code redriveDate} is "the date the execution was last redriven"; executions record the revision
 * they started with (DescribeStateMachineForExecution's revisionId).
 */
class ActivityStartAndRedriveDateTest {
  private static final String ACTIVITY = TaskTest.task("arn:aws:states:us-east-1:123456789012:activity:Approve", "");

  @Test
  void shouldNameTheWorkerInActivityStartedWhenGetActivityTaskHandsTheTaskOut() {
    TestDriver d = new TestDriver(ACTIVITY).start("{}");

    d.apply(new TaskHeartbeat(1, TestDriver.EXEC_ARN, d.lastTask().taskToken(), "approver-1"));
    d.succeedTask("{}");

    HistoryEvent started = d.history.stream().filter(e -> e.eventType().equals("ActivityStarted")).findFirst()
        .orElseThrow();
    assertThat(started.detailsName()).isEqualTo("activityStartedEventDetails");
    assertThat(started.details().path("workerName").asText()).isEqualTo("approver-1");
    assertThat(d.eventTypes()).containsOnlyOnce("ActivityStarted");
  }

  @Test
  void shouldStartAnActivityWithoutDetailsWhenNoWorkerIsNamed() {
    TestDriver d = new TestDriver(ACTIVITY).start("{}");

    d.succeedTask("{}");

    HistoryEvent started = d.history.stream().filter(e -> e.eventType().equals("ActivityStarted")).findFirst()
        .orElseThrow();
    assertThat(started.details()).isNull();
  }

  @Test
  void shouldRecordTheRedriveDateAndTheRevisionInTheSummary() {
    TestDriver d = new TestDriver(ACTIVITY).start("{}");
    assertThat(d.state.summary().revisionId()).isEqualTo("r1");
    d.failTask("Boom", "broken");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.summary().redriveDate()).isNull();

    d.now += 5_000;
    d.redrive();

    assertThat(d.state.summary().redriveDate()).isEqualTo(d.now);
    assertThat(d.state.summary().redriveCount()).isEqualTo(1);
    assertThat(d.state.summary().revisionId()).isEqualTo("r1");
  }
}
