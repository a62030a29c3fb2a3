package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.RedriveExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention of closed executions, through the real topology. */
class RetentionTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String PASS = """
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
      """;
  private static final String TASK = """
      {"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work", "End": true}}}
      """;

  @Test
  void shouldKeepAClosedExecutionUntilTheDefaultNinetyDaysEndAndForgetItAfter() {
    harness.define(PASS);
    String arn = harness.start("done", JSON.objectNode());
    assertThat(harness.summaries()).extracting(s -> s.status()).endsWith(ExecutionStatus.SUCCEEDED);

    harness.advance(Duration.ofDays(90).minusMinutes(1));
    assertThat(executions().get(arn)).isNotNull();
    assertThat(events(arn)).isNotEmpty();

    harness.advance(Duration.ofMinutes(2));
    assertThat(executions().get(arn)).isNull();
    assertThat(harness.summaryRecords()).containsExactly(KeyValue.pair(arn, null));
  }

  @Test
  void shouldDeleteEveryHistoryEntryOfTheExpiredExecutionAndNoOtherExecutionsEntries() {
    harness.define(PASS);
    String old = harness.start("old", JSON.objectNode());
    harness.advance(Duration.ofDays(45));
    String young = harness.start("young", JSON.objectNode());
    assertThat(events(old)).hasSize(4);

    harness.advance(Duration.ofDays(46));

    assertThat(events(old)).isEmpty();
    assertThat(executions().get(old)).isNull();
    assertThat(events(young)).hasSize(4);
    assertThat(executions().get(young)).isNotNull();
  }

  @Test
  void shouldNeverCleanUpARunningExecution() {
    harness.define(TASK);
    String arn = harness.start("waiting", JSON.objectNode());
    List<HistoryEvent> before = events(arn);

    harness.advance(Duration.ofDays(100));
    harness.advance(Duration.ofDays(100));

    assertThat(executions().get(arn)).isNotNull();
    assertThat(events(arn)).isEqualTo(before);
    assertThat(harness.summaryRecords()).allSatisfy(r -> assertThat(r.value).isNotNull());
  }

  @Test
  void shouldRestartTheRetentionWhenARedrivenExecutionClosesAgain() {
    harness.define(TASK);
    String arn = harness.start("redriven", JSON.objectNode());
    TaskRequest first = harness.taskRequests("Work").get(0);
    harness.send(new TaskFailed(1, arn, first.taskToken(), "Boom", "first run"));
    harness.advance(Duration.ofDays(10));
    harness.send(new RedriveExecution(1, arn, 0L));
    TaskRequest second = harness.taskRequests("Work").get(0);

    harness.advance(Duration.ofDays(85));
    assertThat(executions().get(arn)).as("running after the redrive").isNotNull();
    harness.send(new TaskSucceeded(1, arn, second.taskToken(), JSON.objectNode()));
    harness.advance(Duration.ofDays(89));
    assertThat(executions().get(arn)).as("89 days after the second close").isNotNull();

    harness.advance(Duration.ofDays(2));
    assertThat(executions().get(arn)).isNull();
    assertThat(events(arn)).isEmpty();
  }

  @Test
  void shouldIgnoreTheFirstCloseTimerWhenARedrivenExecutionClosedAgainBeforeItFired() {
    harness.define(TASK);
    String arn = harness.start("closed-twice", JSON.objectNode());
    harness.send(new TaskFailed(1, arn, harness.taskRequests("Work").get(0).taskToken(), "Boom", "first run"));
    harness.advance(Duration.ofDays(10));
    harness.send(new RedriveExecution(1, arn, 0L));
    harness.send(new TaskSucceeded(1, arn, harness.taskRequests("Work").get(0).taskToken(), JSON.objectNode()));

    harness.advance(Duration.ofDays(81));
    assertThat(executions().get(arn)).as("91 days after the first close, 81 after the second").isNotNull();
    assertThat(events(arn)).isNotEmpty();

    harness.advance(Duration.ofDays(10));
    assertThat(executions().get(arn)).isNull();
    assertThat(timers().all()).toIterable().isEmpty();
  }

  @Test
  void shouldWriteOneTimerRecordAndNoIndexEntryWhenAnExecutionCloses() {
    harness.define(PASS);
    String arn = harness.start("one-write", JSON.objectNode());

    assertThat(timers().all()).toIterable().extracting(kv -> kv.value).containsExactly("retention");
    KeyValueStore<String, Long> index = harness.driver.getKeyValueStore(DurableTimers.INDEX_STORE);
    assertThat(index.all()).toIterable().isEmpty();
    assertThat(executions().get(arn)).isNotNull();
  }

  @Test
  void shouldUseAConfiguredRetention(@TempDir Path otherDir) {
    harness.close();
    harness = new TopologyHarness(otherDir, o -> o.withClosedExecutionRetention(Duration.ofHours(1)));
    harness.define(PASS);
    String arn = harness.start("short", JSON.objectNode());

    harness.advance(Duration.ofMinutes(59));
    assertThat(executions().get(arn)).isNotNull();
    harness.advance(Duration.ofMinutes(2));
    assertThat(executions().get(arn)).isNull();
  }

  private KeyValueStore<String, String> timers() {
    return harness.driver.getKeyValueStore(DurableTimers.TIMERS_STORE);
  }

  private KeyValueStore<String, byte[]> executions() {
    return harness.driver.getKeyValueStore(StepstreamTopology.EXECUTIONS_STORE);
  }

  private List<HistoryEvent> events(String arn) {
    return HistoryStore.range(harness.driver.getKeyValueStore(HistoryStore.STORE), arn, 1, Long.MAX_VALUE, false, 1000);
  }
}
