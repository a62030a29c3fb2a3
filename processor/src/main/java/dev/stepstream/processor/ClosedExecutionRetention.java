package dev.stepstream.processor;

import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets closed executions after a retention period, as AWS does (90 days). When an execution
 * closes, a cleanup timer is put into the same durable {@code timers} store as the engine's timers,
 * under an id the engine never uses (engine timer ids are {@code t<n>}); a redrive (the execution
 * is RUNNING again) cancels it, and the next close schedules it anew. When it fires, the
 * execution's state, its history entries and any timers it still had are deleted.
 */
final class ClosedExecutionRetention {
  /** The cleanup timer's id; never passed to the engine. */
  static final String TIMER_ID = "retention";
  /** The largest due time the timers store orders correctly (13 zero-padded digits). */
  private static final long LATEST_DUE_MILLIS = 9_999_999_999_999L;

  private final long retentionMillis;
  private final KeyValueStore<String, byte[]> executions;
  private final KeyValueStore<String, byte[]> history;
  private final DurableTimers timers;

  ClosedExecutionRetention(Duration retention, KeyValueStore<String, byte[]> executions,
      KeyValueStore<String, byte[]> history, DurableTimers timers) {
    this.retentionMillis = retention.toMillis();
    this.executions = executions;
    this.history = history;
    this.timers = timers;
  }

  static boolean isCleanupTimer(String timerId) {
    return TIMER_ID.equals(timerId);
  }

  /** Schedules or cancels the cleanup when an execution closes or is redriven. */
  void onTransition(ExecutionState before, ExecutionState after, long nowMillis) {
    boolean wasClosed = before != null && before.status().finished();
    boolean isClosed = after.status().finished();
    if (isClosed && !wasClosed) {
      long closedAt = after.stopMillis().orElse(nowMillis);
      timers.start(after.executionArn(), TIMER_ID, dueAt(closedAt));
    } else if (wasClosed && !isClosed) {
      timers.cancel(after.executionArn(), TIMER_ID);
    }
  }

  private long dueAt(long closedAt) {
    long due = closedAt + retentionMillis;
    return due < closedAt || due > LATEST_DUE_MILLIS ? LATEST_DUE_MILLIS : due;
  }

  /**
   * Deletes a closed execution, its history and its remaining timers; returns false (and deletes
   * nothing) when the execution is unknown or running.
   */
  boolean cleanUp(String executionArn) {
    byte[] stored = executions.get(executionArn);
    if (stored == null) {
      return false;
    }
    ExecutionState state = ExecutionStateCodec.decode(stored);
    if (!state.status().finished()) {
      return false;
    }
    state.timers().keySet().forEach(timerId -> timers.cancel(executionArn, timerId));
    HistoryStore.deleteAll(history, executionArn);
    executions.delete(executionArn);
    return true;
  }
}
