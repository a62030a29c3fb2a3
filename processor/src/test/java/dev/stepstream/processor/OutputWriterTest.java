package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.Effect;
import dev.stepstream.wire.Continue;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputWriterTest {
  private static final long T0 = 1_767_225_600_000L;
  private final List<String> calls = new ArrayList<>();
  private final RecordingSink sink = new RecordingSink() {
    @Override
    public void sendTask(String taskName, String key, byte[] request, long timestamp) {
      calls.add("send " + taskName);
      super.sendTask(taskName, key, request, timestamp);
    }
  };
  private final MapStore<String, byte[]> history = new MapStore<>(HistoryStore.STORE);
  private final MapStore<String, String> timersByDue = new MapStore<>(DurableTimers.TIMERS_STORE);
  private final MapStore<String, Long> timersById = new MapStore<>(DurableTimers.INDEX_STORE);
  private final OutputWriter writer = new OutputWriter(
      sink, history, new DurableTimers(timersByDue, timersById), name -> calls.add("ensure " + name));
  private final Executions executions = new Executions(Executions.TASK);

  @Test
  void shouldWriteHistoryToItsTopicAndToTheHistoryStore() {
    String arn = Executions.arn("run-1");
    Outputs outputs = Outputs.of(arn, executions.start("run-1", T0).events(), List.of());

    writer.write(arn, outputs, T0);

    List<HistoryEvent> sent = sink.to("HISTORY").stream()
        .flatMap(s -> HistoryBatch.eventsOf(s.value()).stream()).toList();
    assertThat(sent).extracting(HistoryEvent::eventType).startsWith("ExecutionStarted");
    assertThat(sink.to("HISTORY")).allSatisfy(s -> {
      assertThat(s.key()).isEqualTo(arn);
      assertThat(s.timestamp()).isEqualTo(T0);
    });
    assertThat(HistoryStore.range(history, arn, 1, Long.MAX_VALUE, false, 1_000)).isEqualTo(sent);
  }

  @Test
  void shouldEnsureTheTaskTopicBeforeSendingTheRequest() {
    String arn = Executions.arn("run-1");
    var decision = executions.start("run-1", T0);
    Outputs outputs = Outputs.of(arn, List.of(), decision.effects());

    writer.write(arn, outputs, T0);

    assertThat(calls).containsExactly("ensure Work", "send Work");
    assertThat(sink.to("tasks.Work")).singleElement().satisfies(s -> {
      assertThat(s.key()).isEqualTo(arn);
      assertThat(WireJson.decode(s.value(), TaskRequest.class).executionArn()).isEqualTo(arn);
    });
  }

  @Test
  void shouldStartAndCancelDurableTimers() {
    String arn = Executions.arn("run-1");

    writer.write(arn, Outputs.of(arn, List.of(), List.of(
        new Effect.StartTimer("t1", T0 + 1_000), new Effect.StartTimer("t2", T0 + 2_000))), T0);
    writer.write(arn, Outputs.of(arn, List.of(), List.of(new Effect.CancelTimer("t1"))), T0);

    assertThat(timersByDue.map).containsOnlyKeys(DurableTimers.pad(T0 + 2_000) + "|" + arn + "|t2");
    assertThat(timersById.map).containsOnlyKeys(arn + "|t2");
    assertThat(sink.sent).isEmpty();
  }

  @Test
  void shouldSendContinueCommandsAndSummariesInTheirOrder() {
    String arn = Executions.arn("run-1");
    ExecutionSummary summary = new ExecutionSummary(1, arn, Executions.MACHINE, "run-1", ExecutionStatus.RUNNING, T0, null,
        JsonNodeFactory.instance.objectNode(), null, null, null, 0, null);

    writer.write(arn, Outputs.of(arn, List.of(), List.of(
        new Effect.PublishSummary(summary), new Effect.ContinueLater(7))), T0);

    assertThat(sink.topics()).containsExactly("EXECUTIONS", "COMMANDS");
    assertThat(WireJson.decode(sink.to("EXECUTIONS").get(0).value(), ExecutionSummary.class)).isEqualTo(summary);
    assertThat(WireJson.decode(sink.to("COMMANDS").get(0).value(), Continue.class).sequence()).isEqualTo(7);
  }
}
