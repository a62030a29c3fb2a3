package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.AppliedInput;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The duplicate-replay rules on their own; {@link DuplicateReplayTopologyTest} runs them in the topology. */
class DuplicateReplayTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_767_225_600_000L;
  private static final int ALL = Integer.MAX_VALUE;
  private final Executions executions = new Executions(Executions.TASK);
  private final ProcessorMetrics metrics = new ProcessorMetrics();
  private final DuplicateReplay fast = new DuplicateReplay(Profile.FAST, metrics);
  private final List<ReplayRecipe.Decided> decidedAgain = new ArrayList<>();

  @Test
  void shouldReplayTheOutputsOfTheStartByDecidingItAgainAtItsOwnTime() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState stored = remember(null, started, start, T0);

    Outputs again = fast.replay(stored, start, rerun(start)).orElseThrow();

    assertThat(again.toBytes(ALL)).isEqualTo(outputsOf(started).toBytes(ALL));
    assertThat(decidedAgain).containsExactly(new ReplayRecipe.Decided(T0, null));
    assertThat(metrics.replayedCount()).isEqualTo(1);
  }

  @Test
  void shouldReplayAStepOnTheStateBeforeItWithoutThatStatesOwnRecipe() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState afterStart = remember(null, started, start, T0);
    TaskSucceeded result = new TaskSucceeded(1, start.executionArn(), tokenOf(started), JSON.objectNode().put("a", 1));
    Decision finished = executions.apply(afterStart, result, T0 + 5);
    ExecutionState afterResult = remember(afterStart, finished, result, T0 + 5);

    Outputs again = fast.replay(afterResult, result, rerun(result)).orElseThrow();

    assertThat(again.toBytes(ALL)).isEqualTo(outputsOf(finished).toBytes(ALL));
    assertThat(decidedAgain).containsExactly(new ReplayRecipe.Decided(T0 + 5, afterStart.withLastApplied(null)));
    assertThat(fast.replay(afterResult, start, rerun(start))).isEmpty();
  }

  @Test
  void shouldReplayTheOutputsThatAnEarlierVersionRecordedInTheState() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    Outputs recorded = outputsOf(started);
    ExecutionState stored = started.state().orElseThrow()
        .withLastApplied(new AppliedInput("start:" + start.executionArn(), recorded.toBytes(ALL)));

    Outputs again = fast.replay(stored, start, rerun(start)).orElseThrow();

    assertThat(again.toBytes(ALL)).isEqualTo(recorded.toBytes(ALL));
    assertThat(decidedAgain).isEmpty();
    assertThat(metrics.replayedCount()).isEqualTo(1);
  }

  @Test
  void shouldReplayNothingWhenDecidingAgainDoesNotApplyTheInput() {
    StartExecution start = Executions.startOf("run-1", T0);
    ExecutionState stored = remember(null, executions.apply(null, start, T0), start, T0);

    assertThat(fast.replay(stored, start, (before, decidedAt) -> Optional.empty())).isEmpty();
    assertThat(metrics.replayedCount()).isZero();
  }

  @Test
  void shouldNotReplayForAnInputOtherThanTheLastApplied() {
    StartExecution start = Executions.startOf("run-1", T0);
    ExecutionState stored = remember(null, executions.apply(null, start, T0), start, T0);
    TaskSucceeded unknown = new TaskSucceeded(1, start.executionArn(), "other-token", JSON.objectNode());

    assertThat(fast.replay(stored, unknown, rerun(unknown))).isEmpty();
    assertThat(fast.replay(null, start, rerun(start))).isEmpty();
    assertThat(decidedAgain).isEmpty();
    assertThat(metrics.replayedCount()).isZero();
  }

  @Test
  void shouldKeepTheRememberedInputWhenAHeartbeatIsApplied() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState afterStart = remember(null, started, start, T0);
    TaskHeartbeat heartbeat = new TaskHeartbeat(1, start.executionArn(), tokenOf(started));

    ExecutionState afterHeartbeat =
        fast.remember(afterStart, null, afterStart.withLastApplied(null), heartbeat, T0 + 9, outputsOf(started));

    assertThat(afterHeartbeat.lastApplied()).isEqualTo(afterStart.lastApplied());
    assertThat(fast.replay(afterHeartbeat, heartbeat, rerun(heartbeat))).isEmpty();
  }

  @Test
  void shouldRememberAndReplayNothingUnderExactlyOnce() {
    DuplicateReplay exactlyOnce = new DuplicateReplay(Profile.EXACTLY_ONCE, metrics);
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState after = started.state().orElseThrow();

    ExecutionState stored = exactlyOnce.remember(null, null, after, start, T0, outputsOf(started));

    assertThat(stored).isSameAs(after);
    assertThat(stored.lastApplied()).isEmpty();
    assertThat(exactlyOnce.replay(remember(null, started, start, T0), start, rerun(start))).isEmpty();
  }

  @Test
  void shouldRecordTheOutputsInsteadWhenTheyAreSmallerThanTheStateBeforeThem() {
    StartExecution start = new StartExecution(1, Executions.arn("large"), Executions.MACHINE, "large",
        JSON.objectNode().put("blob", "x".repeat(20_000)), T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState large = remember(null, started, start, T0);
    TaskSucceeded result = new TaskSucceeded(1, start.executionArn(), tokenOf(started), JSON.objectNode());
    Outputs small = Outputs.ofRecorded(List.of(new Outputs.CancelTimer("t1")));

    ExecutionState stored =
        fast.remember(large, ExecutionStateCodec.encode(large), large.withLastApplied(null), result, T0 + 5, small);

    assertThat(ReplayRecipe.isRecipe(stored.lastApplied().orElseThrow().outputs())).isFalse();
    assertThat(fast.replay(stored, result, rerun(result)).orElseThrow().toBytes(ALL)).isEqualTo(small.toBytes(ALL));
    assertThat(decidedAgain).isEmpty();
  }

  private ExecutionState remember(ExecutionState before, Decision decision, WireRecord input, long decidedAtMillis) {
    byte[] beforeBytes = before == null ? null : ExecutionStateCodec.encode(before);
    return fast.remember(before, beforeBytes, decision.state().orElseThrow(), input, decidedAtMillis,
        outputsOf(decision));
  }

  /** Decides {@code input} again with the engine, as the processor does, noting what it was given. */
  private DuplicateReplay.Rerun rerun(WireRecord input) {
    return (before, decidedAt) -> {
      decidedAgain.add(new ReplayRecipe.Decided(decidedAt, before));
      Decision decision = executions.apply(before, input, decidedAt);
      return decision.applied() ? Optional.of(outputsOf(decision)) : Optional.empty();
    };
  }

  private static Outputs outputsOf(Decision decision) {
    return Outputs.of(decision.state().orElseThrow().executionArn(), decision.events(), decision.effects());
  }

  private static String tokenOf(Decision started) {
    return outputsOf(started).all().stream().filter(o -> o instanceof Outputs.Task).map(o -> (Outputs.Task) o)
        .map(t -> WireJson.decode(t.request(), TaskRequest.class).taskToken()).findFirst().orElseThrow();
  }
}
