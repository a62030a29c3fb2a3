package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.engine.Decision;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retention on its own; {@link RetentionTopologyTest} runs it in the topology. */
class RetentionTest {
  private static final long T0 = 1_767_225_600_000L;
  private static final Duration KEEP = Duration.ofDays(90);
  private final MapStore<String, byte[]> executions = new MapStore<>(StepstreamTopology.EXECUTIONS_STORE);
  private final MapStore<String, byte[]> history = new MapStore<>(HistoryStore.STORE);
  private final MapStore<String, String> timersByDue = new MapStore<>(DurableTimers.TIMERS_STORE);
  private final MapStore<String, Long> timersById = new MapStore<>(DurableTimers.INDEX_STORE);
  private final DurableTimers timers = new DurableTimers(timersByDue, timersById);
  private final RecordingSink sink = new RecordingSink();
  private final Retention retention = new Retention(KEEP, new ExecutionStore(executions), history, timers, sink);

  @Test
  void shouldArmOneCleanupTimerWhenAnExecutionCloses() {
    ExecutionState closed = stored(new Executions(Executions.PASS).start("done", T0));

    retention.onTransition(null, closed, T0);

    assertThat(timersByDue.map).containsOnlyKeys(
        DurableTimers.pad(T0 + KEEP.toMillis()) + "|" + closed.executionArn() + "|" + Retention.TIMER_ID);
    assertThat(timersById.map).isEmpty();
  }

  @Test
  void shouldNotArmAgainWhileAnExecutionStaysClosed() {
    ExecutionState closed = stored(new Executions(Executions.PASS).start("done", T0));

    retention.onTransition(closed, closed, T0 + 1_000);

    assertThat(timersByDue.map).isEmpty();
  }

  @Test
  void shouldNotArmForARunningExecution() {
    ExecutionState running = stored(new Executions(Executions.TASK).start("running", T0));

    retention.onTransition(null, running, T0);

    assertThat(timersByDue.map).isEmpty();
  }

  @Test
  void shouldForgetAClosedExecutionItsHistoryAndTimersOnceItsRetentionEnds() {
    ExecutionState closed = stored(new Executions(Executions.PASS).start("done", T0));
    ExecutionState other = stored(new Executions(Executions.PASS).start("other", T0));
    history.put(HistoryStore.key(closed.executionArn(), 1), new byte[] {1});
    history.put(HistoryStore.key(closed.executionArn(), 3), new byte[] {3});
    history.put(HistoryStore.key(other.executionArn(), 1), new byte[] {1});

    boolean expired = retention.expire(closed.executionArn(), T0 + KEEP.toMillis());

    assertThat(expired).isTrue();
    assertThat(executions.map).containsOnlyKeys(other.executionArn());
    assertThat(history.map).containsOnlyKeys(HistoryStore.key(other.executionArn(), 1));
    assertThat(sink.sent).singleElement().satisfies(tombstone -> {
      assertThat(tombstone.topic()).isEqualTo("EXECUTIONS");
      assertThat(tombstone.key()).isEqualTo(closed.executionArn());
      assertThat(tombstone.value()).isNull();
    });
  }

  @Test
  void shouldKeepAClosedExecutionUntilItsRetentionEnds() {
    ExecutionState closed = stored(new Executions(Executions.PASS).start("done", T0));

    assertThat(retention.expire(closed.executionArn(), T0 + KEEP.toMillis() - 1)).isFalse();

    assertThat(executions.map).containsKey(closed.executionArn());
    assertThat(sink.sent).isEmpty();
  }

  @Test
  void shouldNeverForgetARunningOrUnknownExecution() {
    ExecutionState running = stored(new Executions(Executions.TASK).start("running", T0));

    assertThat(retention.expire(running.executionArn(), T0 + 10 * KEEP.toMillis())).isFalse();
    assertThat(retention.expire(Executions.arn("unknown"), T0 + 10 * KEEP.toMillis())).isFalse();

    assertThat(executions.map).containsKey(running.executionArn());
    assertThat(sink.sent).isEmpty();
  }

  @Test
  void shouldRecogniseOnlyItsOwnTimer() {
    assertThat(Retention.isCleanupTimer(Retention.TIMER_ID)).isTrue();
    assertThat(Retention.isCleanupTimer("t1")).isFalse();
  }

  private ExecutionState stored(Decision decision) {
    ExecutionState state = decision.state().orElseThrow();
    executions.put(state.executionArn(), ExecutionStateCodec.encode(state));
    return state;
  }
}
