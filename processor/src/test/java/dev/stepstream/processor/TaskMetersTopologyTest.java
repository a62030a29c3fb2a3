package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-task measurements the processor reports to its {@link TaskMeters} (the dashboard's source). */
class TaskMetersTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final List<String> seen = new ArrayList<>();

  @BeforeEach
  void observeTheTasks() {
    harness.metrics.observeTasks(new TaskMeters() {
      @Override
      public void dispatched(String taskName) {
        seen.add("dispatched " + taskName);
      }

      @Override
      public void completed(String taskName, boolean succeeded, long latencyMillis) {
        seen.add((succeeded ? "succeeded " : "failed ") + taskName + " after " + latencyMillis + " ms");
      }
    });
  }

  @Test
  void shouldTimeEachAttemptFromDispatchToResultAndIgnoreUnknownAndDuplicateTokens() {
    // GIVEN
    harness.define("""
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work",
                   "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 3, "MaxAttempts": 2}], "End": true}}}
        """);
    String arn = harness.start("run-1", JSON.objectNode());
    TaskRequest first = harness.taskRequests("Work").get(0);
    // WHEN
    harness.advance(Duration.ofMillis(250));
    harness.send(new TaskFailed(1, arn, first.taskToken(), "Flaky", "try again"));
    harness.send(new TaskSucceeded(1, arn, "not-a-token", JSON.objectNode()));
    harness.advance(Duration.ofSeconds(4));
    TaskRequest second = harness.taskRequests("Work").get(0);
    harness.advance(Duration.ofMillis(1500));
    harness.send(new TaskSucceeded(1, arn, second.taskToken(), JSON.textNode("ok")));
    harness.send(new TaskSucceeded(1, arn, second.taskToken(), JSON.textNode("ok")));
    // THEN
    assertThat(seen).containsExactly(
        "dispatched Work", "failed Work after 250 ms", "dispatched Work", "succeeded Work after 1500 ms");
  }

  @Test
  void shouldReportNoPendingTimersBeforeTheProcessorIsQueryable() {
    assertThat(harness.metrics.pendingTimersCount()).isZero();
    harness.metrics.pendingTimersFrom(() -> {
      throw new IllegalStateException("rebalancing");
    });
    assertThat(harness.metrics.pendingTimersCount()).isEqualTo(-1);
  }
}
