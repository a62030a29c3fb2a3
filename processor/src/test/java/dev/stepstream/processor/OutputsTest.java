package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.Effect;
import dev.stepstream.wire.Continue;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputsTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:run-1";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static Outputs sample() {
    List<HistoryEvent> events = List.of(
        new HistoryEvent(1, ARN, 4, 3, 10L, "TaskStateEntered", null, null),
        new HistoryEvent(1, ARN, 5, 4, 10L, "TaskScheduled", null, null));
    TaskRequest request = new TaskRequest(1, ARN, "tok-1", "arn:aws:lambda:us-east-1:1:function:Work", "Work", "A",
        JSON.objectNode().put("n", 1), 1, null, null, null, 10L);
    ExecutionSummary summary = new ExecutionSummary(1, ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:M",
        "run-1", ExecutionStatus.RUNNING, 1L, null, JSON.objectNode(), null, null, null, 0);
    return Outputs.of(ARN, events, List.of(new Effect.ScheduleTask(request), new Effect.StartTimer("t3", 99L),
        new Effect.CancelTimer("t2"), new Effect.ContinueLater(7), new Effect.PublishSummary(summary)));
  }

  @Test
  void shouldEncodeEventsAsOneBatchAndEachEffectInOrder() {
    List<Outputs.Output> all = sample().all();

    assertThat(all).extracting(o -> o.getClass().getSimpleName())
        .containsExactly("Chunk", "Task", "StartTimer", "CancelTimer", "Command", "Summary");
    HistoryStore.Chunk history = (HistoryStore.Chunk) all.get(0);
    assertThat(history.key()).isEqualTo(HistoryStore.key(ARN, 4));
    assertThat(HistoryBatch.eventsOf(history.value())).extracting(HistoryEvent::id).containsExactly(4L, 5L);
    assertThat(((Outputs.Task) all.get(1)).taskName()).isEqualTo("Work");
    assertThat(WireJson.decode(((Outputs.Command) all.get(4)).command(), Continue.class).sequence()).isEqualTo(7);
  }

  @Test
  void shouldReadBackExactlyWhatItRecorded() {
    Outputs outputs = sample();

    Outputs read = Outputs.fromBytes(outputs.toBytes(Integer.MAX_VALUE));

    assertThat(read.all()).hasSameSizeAs(outputs.all());
    for (int i = 0; i < read.all().size(); i++) {
      assertThat(Arrays.deepToString(fields(read.all().get(i)))).isEqualTo(Arrays.deepToString(fields(outputs.all().get(i))));
    }
  }

  @Test
  void shouldKeepEverythingButTheHistoryWhenTheHistoryIsTooLargeToRecord() {
    Outputs outputs = sample();
    int historyBytes = ((HistoryStore.Chunk) outputs.all().get(0)).value().length;

    assertThat(Outputs.fromBytes(outputs.toBytes(historyBytes - 1)).all())
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly("Task", "StartTimer", "CancelTimer", "Command", "Summary");
    assertThat(Outputs.fromBytes(outputs.toBytes(historyBytes)).all()).hasSize(6);
  }

  @Test
  void shouldRefuseTruncatedRecordsWithAClearError() {
    byte[] bytes = sample().toBytes(Integer.MAX_VALUE);

    assertThatThrownBy(() -> Outputs.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("recorded outputs are truncated or corrupt");
  }

  private static Object[] fields(Outputs.Output output) {
    if (output instanceof HistoryStore.Chunk h) {
      return new Object[] {"history", h.key(), h.value()};
    } else if (output instanceof Outputs.Task t) {
      return new Object[] {"task", t.taskName(), t.request()};
    } else if (output instanceof Outputs.Command c) {
      return new Object[] {"command", c.command()};
    } else if (output instanceof Outputs.Summary s) {
      return new Object[] {"summary", s.summary()};
    } else if (output instanceof Outputs.StartTimer t) {
      return new Object[] {"start", t.timerId(), t.dueAtMillis()};
    }
    Outputs.CancelTimer t = (Outputs.CancelTimer) output;
    return new Object[] {"cancel", t.timerId()};
  }
}
