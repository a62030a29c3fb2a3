package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import org.junit.jupiter.api.Test;

/** The duplicate-replay rules on their own; {@link DuplicateReplayTopologyTest} runs them in the topology. */
class DuplicateReplayTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long T0 = 1_767_225_600_000L;
  private static final int ALL = Integer.MAX_VALUE;
  private final Executions executions = new Executions(Executions.TASK);
  private final ProcessorMetrics metrics = new ProcessorMetrics();
  private final DuplicateReplay fast = new DuplicateReplay(Profile.FAST, metrics);

  @Test
  void shouldReplayTheOutputsOfTheLastAppliedInputWhenItIsDeliveredAgain() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    Outputs outputs = outputsOf(start.executionArn(), started);
    ExecutionState stored = fast.remember(null, started.state().orElseThrow(), start, outputs);

    Outputs again = fast.replay(stored, start).orElseThrow();

    assertThat(again.toBytes(ALL)).isEqualTo(outputs.toBytes(ALL));
    assertThat(metrics.replayedCount()).isEqualTo(1);
  }

  @Test
  void shouldNotReplayForAnInputOtherThanTheLastApplied() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState stored =
        fast.remember(null, started.state().orElseThrow(), start, outputsOf(start.executionArn(), started));

    TaskSucceeded unknown = new TaskSucceeded(1, start.executionArn(), "other-token", JSON.objectNode());

    assertThat(fast.replay(stored, unknown)).isEmpty();
    assertThat(fast.replay(null, start)).isEmpty();
    assertThat(metrics.replayedCount()).isZero();
  }

  @Test
  void shouldRememberTheLatestInputWithAnIdentity() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState afterStart =
        fast.remember(null, started.state().orElseThrow(), start, outputsOf(start.executionArn(), started));
    TaskSucceeded result = new TaskSucceeded(1, start.executionArn(), tokenOf(started), JSON.objectNode());
    Decision finished = executions.apply(afterStart, result, T0 + 1);

    ExecutionState afterResult = fast.remember(
        afterStart, finished.state().orElseThrow(), result, outputsOf(start.executionArn(), finished));

    assertThat(fast.replay(afterResult, result)).isPresent();
    assertThat(fast.replay(afterResult, start)).isEmpty();
  }

  @Test
  void shouldKeepTheRememberedInputWhenAHeartbeatIsApplied() {
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState afterStart =
        fast.remember(null, started.state().orElseThrow(), start, outputsOf(start.executionArn(), started));
    TaskHeartbeat heartbeat = new TaskHeartbeat(1, start.executionArn(), tokenOf(started));

    ExecutionState afterHeartbeat = fast.remember(afterStart, afterStart.withLastApplied(null), heartbeat,
        outputsOf(start.executionArn(), started));

    assertThat(afterHeartbeat.lastApplied()).isEqualTo(afterStart.lastApplied());
    assertThat(fast.replay(afterHeartbeat, heartbeat)).isEmpty();
  }

  @Test
  void shouldRememberAndReplayNothingUnderExactlyOnce() {
    DuplicateReplay exactlyOnce = new DuplicateReplay(Profile.EXACTLY_ONCE, metrics);
    StartExecution start = Executions.startOf("run-1", T0);
    Decision started = executions.apply(null, start, T0);
    ExecutionState after = started.state().orElseThrow();

    ExecutionState stored = exactlyOnce.remember(null, after, start, outputsOf(start.executionArn(), started));

    assertThat(stored).isSameAs(after);
    assertThat(stored.lastApplied()).isEmpty();
    assertThat(exactlyOnce.replay(fast.remember(null, after, start, outputsOf(start.executionArn(), started)), start))
        .isEmpty();
  }

  private static Outputs outputsOf(String arn, Decision decision) {
    return Outputs.of(arn, decision.events(), decision.effects());
  }

  private static String tokenOf(Decision started) {
    Outputs outputs = outputsOf(started.state().orElseThrow().executionArn(), started);
    return outputs.all().stream().filter(o -> o instanceof Outputs.Task).map(o -> (Outputs.Task) o)
        .map(t -> WireJson.decode(t.request(), TaskRequest.class).taskToken()).findFirst().orElseThrow();
  }
}
