package dev.stepstream.processor;

import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets closed executions after a retention period, as AWS does (90 days). When an execution
 * closes, a cleanup timer is put into the same durable {@code timers} store as the engine's timers,
 * under an id the engine never uses (engine timer ids are {@code t<n>}). The timer is never
 * cancelled (one store write per closed execution, not two): when it fires, the execution is
 * deleted only if it is still closed and its latest close is at least the retention period ago, so
 * the timer of an execution that was redriven since is simply ignored (its new close armed a new
 * one). Deleting removes the execution's state, its history entries and any timers it still had,
 * and writes a tombstone so the compacted executions topic (and the API's lists) forget it too.
 */
final class Retention {
  /** The cleanup timer's id; never passed to the engine. */
  static final String TIMER_ID = "retention";
  /** The largest due time the timers store orders correctly (13 zero-padded digits). */
  private static final long LATEST_DUE_MILLIS = 9_999_999_999_999L;

  private final long retentionMillis;
  private final ExecutionStore executions;
  private final KeyValueStore<String, byte[]> history;
  private final DurableTimers timers;
  private final RecordSink sink;

  Retention(Duration retention, ExecutionStore executions, KeyValueStore<String, byte[]> history,
      DurableTimers timers, RecordSink sink) {
    this.retentionMillis = retention.toMillis();
    this.executions = executions;
    this.history = history;
    this.timers = timers;
    this.sink = sink;
  }

  static boolean isCleanupTimer(String timerId) {
    return TIMER_ID.equals(timerId);
  }

  /** Schedules the cleanup when an execution closes (again, after a redrive). */
  void onTransition(ExecutionState before, ExecutionState after, long nowMillis) {
    boolean wasClosed = before != null && before.status().finished();
    if (after.status().finished() && !wasClosed) {
      timers.startUncancellable(after.executionArn(), TIMER_ID, dueAt(after.stopMillis().orElse(nowMillis)));
    }
  }

  private long dueAt(long closedAt) {
    long due = closedAt + retentionMillis;
    return due < closedAt || due > LATEST_DUE_MILLIS ? LATEST_DUE_MILLIS : due;
  }

  /**
   * Deletes a closed execution, its history and its remaining timers once its retention has ended,
   * and writes its tombstone; returns false (and does nothing) when the execution is unknown,
   * running, or closed too recently.
   */
  boolean expire(String executionArn, long nowMillis) {
    byte[] stored = executions.get(executionArn);
    if (stored == null) {
      return false;
    }
    ExecutionState state = ExecutionStateCodec.decode(stored);
    if (!state.status().finished() || dueAt(state.stopMillis().orElse(0L)) > nowMillis) {
      return false;
    }
    state.timers().keySet().forEach(timerId -> timers.cancel(executionArn, timerId));
    HistoryStore.deleteAll(history, executionArn);
    executions.delete(executionArn);
    sink.send(RecordSink.Topic.EXECUTIONS, executionArn, null, nowMillis);
    return true;
  }
}
