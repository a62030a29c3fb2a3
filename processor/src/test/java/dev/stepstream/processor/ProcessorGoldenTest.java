package dev.stepstream.processor;

import static dev.stepstream.processor.GoldenProcessorFixtures.ARN;
import static dev.stepstream.processor.GoldenProcessorFixtures.START;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.Continue;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's stored formats read from committed bytes ({@code src/test/resources/golden}, see its
 * README): recorded outputs of the fast profile in every format, its replay recipe, and the timer
 * stores' layout.
 */
class ProcessorGoldenTest {
  @TempDir Path stateDir;

  @Test
  void shouldReadRecordedOutputsFormatOneWithoutVersionByte() {
    byte[] golden = fixture("recorded-outputs-v1.bin");

    assertThat(golden[0]).isZero();
    assertSampleOutputs(Outputs.fromBytes(golden));
  }

  @Test
  void shouldReadRecordedOutputsFormatTwo() {
    byte[] golden = fixture("recorded-outputs-v2.bin");

    assertThat(golden[0]).isEqualTo((byte) 2);
    assertSampleOutputs(Outputs.fromBytes(golden));
  }

  @Test
  void shouldReadRecordedOutputsFormatThreeAndEncodeThemToTheSameBytes() {
    byte[] golden = fixture("recorded-outputs-v3.bin");

    assertThat(golden[0]).isEqualTo((byte) 3);
    Outputs outputs = Outputs.fromBytes(golden);
    List<Outputs.Output> all = outputs.all();
    assertSampleOutputs(Outputs.ofRecorded(all.subList(0, all.size() - 2)));
    Outputs.CommandTo stop = (Outputs.CommandTo) all.get(all.size() - 2);
    assertThat(stop.key()).isEqualTo(GoldenProcessorFixtures.CHILD_ARN);
    assertThat(WireJson.decode(stop.command(), StopExecution.class).executionArn())
        .isEqualTo(GoldenProcessorFixtures.CHILD_ARN);
    Outputs.TaskResultTo result = (Outputs.TaskResultTo) all.get(all.size() - 1);
    assertThat(result.key()).isEqualTo(ARN);
    assertThat(WireJson.decode(result.result(), TaskSucceeded.class).taskToken()).isEqualTo("tok-parent");
    assertThat(outputs.toBytes(Integer.MAX_VALUE)).isEqualTo(golden);
  }

  @Test
  void shouldRefuseAnUnknownRecordedOutputsFormat() {
    byte[] future = fixture("recorded-outputs-v3.bin");
    future[0] = 4;

    assertThatThrownBy(() -> Outputs.fromBytes(future)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown recorded outputs format 4");
  }

  @Test
  void shouldReadAReplayRecipeAndEncodeItToTheSameBytes() {
    byte[] golden = fixture("replay-recipe-v1.bin");

    assertThat(golden[0]).isEqualTo((byte) 0x52);
    ReplayRecipe.Decided decided = ReplayRecipe.read(golden);
    assertThat(decided.decidedAtMillis()).isEqualTo(GoldenProcessorFixtures.STEP_MILLIS);
    dev.stepstream.engine.ExecutionState before = decided.before();
    assertThat(before.executionArn()).isEqualTo(Executions.arn("golden"));
    assertThat(before.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(before.startMillis()).isEqualTo(START);
    assertThat(before.lastApplied()).isEmpty();
    assertThat(ReplayRecipe.of(decided.decidedAtMillis(), before, null)).isEqualTo(golden);
  }

  @Test
  void shouldWriteTimersInTheStoredLayout() {
    try (TopologyHarness harness = new TopologyHarness(stateDir)) {
      DurableTimers timers = new DurableTimers(timersStore(harness), indexStore(harness));

      timers.start(ARN, "t2", START + 300_000);
      timers.startUncancellable(ARN, "retention", START + 7_776_000_000L);

      assertThat(entries(harness)).containsExactlyElementsOf(timerFixture());
    }
  }

  @Test
  void shouldReadTimersOfTheStoredLayout() {
    try (TopologyHarness harness = new TopologyHarness(stateDir)) {
      for (String[] entry : timerFixture()) {
        if (entry[0].equals(DurableTimers.TIMERS_STORE)) {
          timersStore(harness).put(entry[1], entry[2]);
        } else {
          indexStore(harness).put(entry[1], Serdes.Long().deserializer().deserialize("", HexFormat.of()
              .parseHex(entry[2])));
        }
      }
      DurableTimers timers = new DurableTimers(timersStore(harness), indexStore(harness));

      assertThat(timers.takeDue(START + 300_000, 10))
          .containsExactly(new DurableTimers.DueTimer(ARN, "t2", START + 300_000));
      assertThat(indexStore(harness).get(ARN + "|t2")).isNull();
      assertThat(timers.takeDue(Long.MAX_VALUE / 2, 10))
          .containsExactly(new DurableTimers.DueTimer(ARN, "retention", START + 7_776_000_000L));
    }
  }

  private static void assertSampleOutputs(Outputs outputs) {
    List<Outputs.Output> all = outputs.all();
    assertThat(all).extracting(o -> o.getClass().getSimpleName())
        .containsExactly("Chunk", "Task", "StartTimer", "CancelTimer", "Command", "Summary");

    HistoryStore.Chunk chunk = (HistoryStore.Chunk) all.get(0);
    assertThat(chunk.key()).isEqualTo(ARN + "#0000000004");
    List<HistoryEvent> events = HistoryBatch.eventsOf(chunk.value());
    assertThat(events).extracting(HistoryEvent::id).containsExactly(4L, 5L);
    assertThat(events).extracting(HistoryEvent::previousEventId).containsExactly(3L, 4L);
    assertThat(events).extracting(HistoryEvent::timestamp).containsExactly(START, START + 1);
    assertThat(events).extracting(HistoryEvent::eventType).containsExactly("TaskStateEntered", "TaskScheduled");
    assertThat(events.get(0).detailsName()).isEqualTo("stateEnteredEventDetails");
    assertThat(events.get(0).details().path("name").asText()).isEqualTo("Work");
    assertThat(events.get(0).details().path("input").asText()).isEqualTo("{\"n\":1}");
    assertThat(events.get(1).details()).isNull();

    Outputs.Task task = (Outputs.Task) all.get(1);
    assertThat(task.taskName()).isEqualTo("Work");
    TaskRequest request = WireJson.decode(task.request(), TaskRequest.class);
    assertThat(request.executionArn()).isEqualTo(ARN);
    assertThat(request.taskToken()).isEqualTo("tok-1");
    assertThat(request.resource()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:Work");
    assertThat(request.stateName()).isEqualTo("Work");
    assertThat(request.input().path("n").asInt()).isEqualTo(1);
    assertThat(request.attempt()).isEqualTo(1);
    assertThat(request.timeoutSeconds()).isEqualTo(300L);
    assertThat(request.heartbeatSeconds()).isEqualTo(30L);
    assertThat(request.scheduledAt()).isEqualTo(START + 1);

    Outputs.StartTimer start = (Outputs.StartTimer) all.get(2);
    assertThat(start.timerId()).isEqualTo("t3");
    assertThat(start.dueAtMillis()).isEqualTo(START + 300_000);
    assertThat(((Outputs.CancelTimer) all.get(3)).timerId()).isEqualTo("t2");

    Continue next = WireJson.decode(((Outputs.Command) all.get(4)).command(), Continue.class);
    assertThat(next.executionArn()).isEqualTo(ARN);
    assertThat(next.sequence()).isEqualTo(7);

    ExecutionSummary summary = WireJson.decode(((Outputs.Summary) all.get(5)).summary(), ExecutionSummary.class);
    assertThat(summary.executionArn()).isEqualTo(ARN);
    assertThat(summary.name()).isEqualTo("run-1");
    assertThat(summary.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(summary.startDate()).isEqualTo(START);
    assertThat(summary.input().path("n").asInt()).isEqualTo(1);
  }

  private static KeyValueStore<String, String> timersStore(TopologyHarness harness) {
    return harness.driver.getKeyValueStore(DurableTimers.TIMERS_STORE);
  }

  private static KeyValueStore<String, Long> indexStore(TopologyHarness harness) {
    return harness.driver.getKeyValueStore(DurableTimers.INDEX_STORE);
  }

  /** Both timer stores' entries as (store, key, value) rows, the index's values as hex bytes. */
  private static List<String[]> entries(TopologyHarness harness) {
    List<String[]> rows = new ArrayList<>();
    try (KeyValueIterator<String, String> it = timersStore(harness).all()) {
      it.forEachRemaining(e -> rows.add(new String[] {DurableTimers.TIMERS_STORE, e.key, e.value}));
    }
    try (KeyValueIterator<String, Long> it = indexStore(harness).all()) {
      it.forEachRemaining((KeyValue<String, Long> e) -> rows.add(new String[] {DurableTimers.INDEX_STORE, e.key,
          HexFormat.of().formatHex(Serdes.Long().serializer().serialize("", e.value))}));
    }
    return rows;
  }

  private static List<String[]> timerFixture() {
    List<String[]> rows = new ArrayList<>();
    for (String line : new String(fixture("timers-v1.txt"), UTF_8).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.split("\t"));
      }
    }
    return rows;
  }

  private static byte[] fixture(String name) {
    try (InputStream in = ProcessorGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("fixture golden/%s", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
