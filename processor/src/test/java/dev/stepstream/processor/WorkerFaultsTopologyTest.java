package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workers that crash mid-task, hang past TimeoutSeconds, stop heartbeating, or send a result twice:
 * timeouts fire, Retry re-dispatches with a new token, and every result that comes too late or a
 * second time is ignored and counted.
 */
class WorkerFaultsTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String WORK = "arn:aws:states:us-east-1:123456789012:activity:Work";

  @Test
  void shouldApplyTheFirstResultAndCountTheDuplicateWhenAWorkerSendsItTwice() {
    harness.define(task("\"TimeoutSeconds\": 30"));
    String arn = harness.start("twice", JSON.objectNode());
    TaskRequest request = harness.taskRequests("Work").get(0);

    harness.send(new TaskSucceeded(1, arn, request.taskToken(), JSON.textNode("first")));
    harness.send(new TaskSucceeded(1, arn, request.taskToken(), JSON.textNode("second")));

    assertThat(types(harness.history())).filteredOn("ActivitySucceeded"::equals).hasSize(1);
    assertThat(lastSummary().output()).isEqualTo(JSON.textNode("first"));
    assertThat(harness.metrics.ignoredTaskResultsCount()).isEqualTo(1);
  }

  @Test
  void shouldRetryWithANewTokenAndIgnoreTheCrashedAttemptsLateResultWhenAWorkerCrashesMidTask() {
    harness.define(task("\"TimeoutSeconds\": 5, \"Retry\": [{\"ErrorEquals\": [\"States.Timeout\"], "
        + "\"IntervalSeconds\": 1, \"MaxAttempts\": 1}]"));
    String arn = harness.start("crash", JSON.objectNode());
    TaskRequest crashed = harness.taskRequests("Work").get(0);

    harness.advance(Duration.ofSeconds(6)); // the worker died: no result, the attempt times out
    harness.advance(Duration.ofSeconds(2)); // retry interval
    List<TaskRequest> retried = harness.taskRequests("Work");
    harness.send(new TaskSucceeded(1, arn, crashed.taskToken(), JSON.textNode("from the dead")));
    harness.send(new TaskSucceeded(1, arn, retried.get(0).taskToken(), JSON.textNode("retried")));

    assertThat(retried).hasSize(1);
    assertThat(retried.get(0).taskToken()).isNotEqualTo(crashed.taskToken());
    assertThat(types(harness.history())).containsSubsequence("ActivityScheduled", "ActivityTimedOut",
        "ActivityScheduled", "ActivitySucceeded", "ExecutionSucceeded");
    assertThat(lastSummary().output()).isEqualTo(JSON.textNode("retried"));
    assertThat(harness.metrics.ignoredTaskResultsCount()).isEqualTo(1);
  }

  @Test
  void shouldFailWithStatesTimeoutAndIgnoreTheLateResultWhenAWorkerHangsPastTimeoutSeconds() {
    harness.define(task("\"TimeoutSeconds\": 5"));
    String arn = harness.start("hang", JSON.objectNode());
    TaskRequest request = harness.taskRequests("Work").get(0);

    harness.advance(Duration.ofSeconds(4));
    assertThat(types(harness.history())).doesNotContain("ActivityTimedOut");
    harness.advance(Duration.ofSeconds(2));
    harness.send(new TaskSucceeded(1, arn, request.taskToken(), JSON.textNode("too late")));

    ExecutionSummary last = lastSummary();
    assertThat(last.status().name()).isEqualTo("FAILED");
    assertThat(last.error()).isEqualTo("States.Timeout");
    assertThat(harness.metrics.ignoredTaskResultsCount()).isEqualTo(1);
  }

  @Test
  void shouldKeepATaskAliveWhileItHeartbeatsAndTimeItOutWhenTheHeartbeatsStop() {
    harness.define(task("\"TimeoutSeconds\": 60, \"HeartbeatSeconds\": 3"));
    String arn = harness.start("heartbeat", JSON.objectNode());
    TaskRequest request = harness.taskRequests("Work").get(0);

    for (int i = 0; i < 4; i++) { // 8 s in all, each gap under HeartbeatSeconds
      harness.advance(Duration.ofSeconds(2));
      harness.send(new TaskHeartbeat(1, arn, request.taskToken(), "w1"));
    }
    assertThat(types(harness.history())).doesNotContain("ActivityTimedOut");
    harness.advance(Duration.ofSeconds(4)); // the worker hangs: no heartbeat
    harness.send(new TaskHeartbeat(1, arn, request.taskToken(), "w1"));

    ExecutionSummary last = lastSummary();
    assertThat(last.status().name()).isEqualTo("FAILED");
    assertThat(last.error()).isEqualTo("States.HeartbeatTimeout");
    assertThat(harness.metrics.ignoredTaskResultsCount()).isEqualTo(1);
  }

  private static String task(String options) {
    return """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "%s", %s, "End": true}}}
        """.formatted(WORK, options);
  }

  private ExecutionSummary lastSummary() {
    List<ExecutionSummary> summaries = harness.summaries();
    return summaries.get(summaries.size() - 1);
  }

  private static List<String> types(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::eventType).toList();
  }
}
