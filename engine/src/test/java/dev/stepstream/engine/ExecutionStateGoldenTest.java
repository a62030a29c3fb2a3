package dev.stepstream.engine;

import static dev.stepstream.engine.GoldenExecutionStates.ALIAS_ARN;
import static dev.stepstream.engine.GoldenExecutionStates.APPLIED_OUTPUTS;
import static dev.stepstream.engine.GoldenExecutionStates.ARN;
import static dev.stepstream.engine.GoldenExecutionStates.REDRIVE_MILLIS;
import static dev.stepstream.engine.GoldenExecutionStates.REVISION_ID;
import static dev.stepstream.engine.GoldenExecutionStates.START;
import static dev.stepstream.engine.GoldenExecutionStates.STATE_MACHINE_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Iterations;
import dev.stepstream.engine.runtime.Phase;
import dev.stepstream.engine.runtime.RetryBackoff;
import dev.stepstream.engine.runtime.StoredFrames;
import dev.stepstream.engine.runtime.TaskAttempt;
import dev.stepstream.engine.runtime.WaitTimer;
import dev.stepstream.engine.runtime.Timer;
import dev.stepstream.engine.runtime.TimerKind;
import dev.stepstream.wire.ExecutionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every execution state format ever released still reads, field by field, from committed bytes
 * ({@code src/test/resources/golden}, written once by {@link GoldenExecutionStates}); the current
 * format also encodes back to the very same bytes.
 */
class ExecutionStateGoldenTest {

  @Test
  void shouldReadFormatOneWithoutAlias() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v1.bin"));

    assertHeader(state.header(), ExecutionStatus.FAILED, null);
    assertFramesAndTimers(state);
    assertThat(state.lastApplied()).isEmpty();
  }

  @Test
  void shouldReadFormatTwoWithAlias() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v2.bin"));

    assertHeader(state.header(), ExecutionStatus.TIMED_OUT, ALIAS_ARN);
    assertFramesAndTimers(state);
    assertThat(state.lastApplied()).isEmpty();
  }

  @Test
  void shouldReadFormatThreeAndStepOverItsJsonTrailer() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v3.bin"));

    assertHeader(state.header(), ExecutionStatus.SUCCEEDED, ALIAS_ARN);
    assertFramesAndTimers(state);
    assertThat(state.lastApplied()).isEmpty();
  }

  @Test
  void shouldReadFormatFourWithTheHostsOutputBytes() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v4.bin"));

    assertHeader(state.header(), ExecutionStatus.ABORTED, ALIAS_ARN);
    assertFramesAndTimers(state);
    assertThat(state.lastApplied()).hasValueSatisfying(applied -> {
      assertThat(applied.inputId()).isEqualTo("task:tok-0");
      assertThat(applied.outputs()).isEqualTo(APPLIED_OUTPUTS);
    });
  }

  @Test
  void shouldReadFormatFiveWithTheRevisionAndRedriveTime() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v5.bin"));

    assertHeader(state.header(), ExecutionStatus.PENDING_REDRIVE, ALIAS_ARN);
    assertThat(state.header().revisionId()).isEqualTo(REVISION_ID);
    assertThat(state.header().redriveMillis()).isEqualTo(REDRIVE_MILLIS);
    assertThat(state.summary().redriveDate()).isEqualTo(REDRIVE_MILLIS);
    assertThat(state.summary().revisionId()).isEqualTo(REVISION_ID);
    assertFramesAndTimers(state);
    assertThat(state.lastApplied()).hasValueSatisfying(applied -> assertThat(applied.outputs()).isEqualTo(APPLIED_OUTPUTS));
  }

  @Test
  void shouldReadFormatSixWithTheParentExecutionsTask() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v6.bin"));

    assertHeader(state.header(), ExecutionStatus.RUNNING, ALIAS_ARN);
    assertThat(state.header().revisionId()).isEqualTo(REVISION_ID);
    assertThat(state.header().parent()).isEqualTo(GoldenExecutionStates.PARENT);
    assertFramesAndTimers(state);
    assertThat(state.lastApplied()).hasValueSatisfying(applied -> assertThat(applied.outputs()).isEqualTo(APPLIED_OUTPUTS));
  }

  @Test
  void shouldReadFormatSevenWithAPagedDistributedMapsProgress() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v7.bin"));

    assertHeader(state.header(), ExecutionStatus.RUNNING, ALIAS_ARN);
    assertThat(state.header().parent()).isEqualTo(GoldenExecutionStates.PARENT);
    assertFramesAndTimers(state);
    assertThat(state.frames().get(0).mapRun()).isEqualTo(GoldenExecutionStates.MAP_RUN);
    assertThat(state.header().finishedMapRuns()).isEqualTo(GoldenExecutionStates.FINISHED_MAP_RUNS);
    for (int id = 1; id < 7; id++) {
      assertThat(state.frames().get(id).mapRun()).as("frame %d", id).isNull();
    }
  }

  @Test
  void shouldReadFormatSevensMapRunAsOneWhoseItemsRunInline() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v7.bin"));

    assertThat(state.frames().get(0).mapRun().childExecutions()).isFalse();
    assertThat(GoldenExecutionStates.formatSevenTranscribed()).isEqualTo(fixture("execution-state-v7.bin"));
  }

  @Test
  void shouldReadFormatEightWithAMapRunChildsParentAndChildExecutions() {
    ExecutionState state = ExecutionStateCodec.decode(fixture("execution-state-v8.bin"));

    assertHeader(state.header(), ExecutionStatus.RUNNING, ALIAS_ARN);
    assertThat(state.header().parent()).isEqualTo(GoldenExecutionStates.MAP_RUN_PARENT);
    assertThat(state.header().parent().mapRunChild()).isTrue();
    assertFramesAndTimers(state);
    assertThat(state.frames().get(0).mapRun()).isEqualTo(GoldenExecutionStates.MAP_RUN_CHILDREN);
    assertThat(state.header().finishedMapRuns()).isEqualTo(GoldenExecutionStates.FINISHED_MAP_RUNS);
  }

  @Test
  void shouldReadNoMapRunProgressFromOlderFormats() {
    for (String older : new String[] {"execution-state-v1.bin", "execution-state-v6.bin"}) {
      ExecutionState state = ExecutionStateCodec.decode(fixture(older));
      assertThat(state.frames().values()).as(older).allSatisfy(f -> assertThat(f.mapRun()).isNull());
      assertThat(state.header().finishedMapRuns()).as(older).isNull();
    }
  }

  @Test
  void shouldReadNoParentFromOlderFormats() {
    for (String older : new String[] {"execution-state-v1.bin", "execution-state-v5.bin"}) {
      assertThat(ExecutionStateCodec.decode(fixture(older)).header().parent()).as(older).isNull();
    }
  }

  @Test
  void shouldReadNoRevisionNorRedriveTimeFromOlderFormats() {
    for (String older : new String[] {"execution-state-v1.bin", "execution-state-v4.bin"}) {
      ExecutionState.Header h = ExecutionStateCodec.decode(fixture(older)).header();

      assertThat(h.revisionId()).as(older).isNull();
      assertThat(h.redriveMillis()).as(older).isEqualTo(-1);
    }
  }

  @Test
  void shouldEncodeTheCurrentFormatFixtureToTheSameBytes() {
    byte[] golden = fixture("execution-state-v8.bin");

    assertThat(golden[0]).isEqualTo((byte) 8);
    assertThat(ExecutionStateCodec.encode(ExecutionStateCodec.decode(golden))).isEqualTo(golden);
  }

  @Test
  void shouldRefuseAnUnknownFormatAndUnknownCodes() {
    byte[] future = fixture("execution-state-v8.bin");
    future[0] = 9;
    assertThatThrownBy(() -> ExecutionStateCodec.decode(future))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");

    byte[] badStatus = fixture("execution-state-v4.bin");
    int statusAt = 1 + 1 + ARN.length() + 1 + STATE_MACHINE_ARN.length() + 1 + "run-1".length();
    assertThat(badStatus[statusAt]).isEqualTo((byte) ExecutionStatus.ABORTED.code());
    badStatus[statusAt] = 99;
    assertThatThrownBy(() -> ExecutionStateCodec.decode(badStatus))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("execution status code 99");
  }

  private static void assertHeader(ExecutionState.Header h, ExecutionStatus status, String aliasArn) {
    assertThat(h.executionArn()).isEqualTo(ARN);
    assertThat(h.stateMachineArn()).isEqualTo(STATE_MACHINE_ARN);
    assertThat(h.name()).isEqualTo("run-1");
    assertThat(h.status()).isEqualTo(status);
    assertThat(h.startMillis()).isEqualTo(START);
    assertThat(h.stopMillis()).isEqualTo(START + 60_000);
    assertThat(h.input()).isEqualTo(Json.read("{\"n\":1,\"s\":\"\u00e9\u2603\"}"));
    assertThat(h.output()).isEqualTo(Json.read("{\"ok\":true}"));
    assertThat(h.error()).isEqualTo("States.Timeout");
    assertThat(h.cause()).isEqualTo("cause with \"quotes\"");
    assertThat(h.nextEventId()).isEqualTo(42);
    assertThat(h.redriveCount()).isEqualTo(2);
    assertThat(h.sequence()).isEqualTo(17);
    assertThat(h.continueSequence()).isEqualTo(16);
    assertThat(h.nextFrameId()).isEqualTo(7);
    assertThat(h.lastEventId()).isEqualTo(41);
    assertThat(h.executionTimerId()).isEqualTo("t-1");
    assertThat(h.stateMachineAliasArn()).isEqualTo(aliasArn);
  }

  private static void assertFramesAndTimers(ExecutionState state) {
    Map<Integer, Frame> frames = state.frames();
    assertThat(frames).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6);
    String[] names = {"Fan", "Work", "Pause", "Retrying", "Next", "Again", "Broken"};
    Phase[] phases = {Phase.CHILDREN, Phase.TASK, Phase.WAIT, Phase.BACKOFF, Phase.ENTER, Phase.RUNNING, Phase.HALTED};
    for (int id = 0; id < 7; id++) {
      Frame f = frames.get(id);
      assertThat(f.id()).isEqualTo(id);
      assertThat(f.parentId()).isEqualTo(id == 0 ? Frame.NO_PARENT : 0);
      assertThat(f.index()).isEqualTo(id == 0 ? 0 : id - 1);
      assertThat(f.stateName()).isEqualTo(names[id]);
      assertThat(f.phase()).isEqualTo(phases[id]);
      assertThat(f.input()).isEqualTo(Json.read("{\"frame\":" + id + "}"));
      assertThat(f.enteredEventId()).isEqualTo(10 + id);
      assertThat(f.enteredMillis()).isEqualTo(START + id);
      assertThat(f.lastEventId()).isEqualTo(20 + id);
    }

    Frame root = frames.get(0);
    assertThat(root.variables()).containsOnly(Map.entry("a", Json.read("1")), Map.entry("b", Json.read("\"x\"")));
    Iterations iterations = root.iterations();
    assertThat(Arrays.asList(StoredFrames.results(iterations))).containsExactly(null, Json.read("{\"r\":1}"));
    assertThat(StoredFrames.inputs(iterations)).containsExactly(Json.read("1"), Json.read("2"));
    assertThat(iterations.done()).isEqualTo(1);
    assertThat(StoredFrames.counters(iterations)).containsExactly(2, 1, 2); // started, failed, max concurrency
    assertThat(StoredFrames.tolerances(iterations)).containsExactly(1, 12.5);
    assertThat(StoredFrames.retrierAttempts(root)).isNull();
    assertThat(root.task()).isNull();

    Frame task = frames.get(1);
    assertThat(task.retryCount()).isEqualTo(1);
    assertThat(StoredFrames.retrierAttempts(task)).containsExactly(1, 0);
    assertThat(task.work()).isEqualTo(new TaskAttempt("tok-1", "t-2", "t-3", true, 30));
    assertThat(task.variables()).isEmpty();
    assertThat(task.children()).isNull();

    assertThat(frames.get(2).work()).isEqualTo(new WaitTimer("t-4"));
    assertThat(frames.get(3).work()).isEqualTo(new RetryBackoff("t-5"));
    assertThat(frames.get(3).retryCount()).isEqualTo(2);
    assertThat(StoredFrames.retrierAttempts(frames.get(3))).containsExactly(2);
    for (int id = 4; id < 7; id++) {
      assertThat(frames.get(id).work()).as("frame %d", id).isNull();
    }

    assertThat(state.timers().values()).containsExactlyInAnyOrder(
        new Timer("t-1", -1, TimerKind.EXECUTION_TIMEOUT, START + 3_600_000),
        new Timer("t-2", 1, TimerKind.TASK_TIMEOUT, START + 300_000),
        new Timer("t-3", 1, TimerKind.HEARTBEAT_TIMEOUT, START + 30_000),
        new Timer("t-4", 2, TimerKind.WAIT, START + 10_000),
        new Timer("t-5", 3, TimerKind.RETRY_BACKOFF, START + 2_000));
  }

  static byte[] fixture(String name) {
    try (InputStream in = ExecutionStateGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("fixture golden/%s", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
