package dev.stepstream.processor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Counters shared by all processor instances of one application (exported by the server). */
public final class ProcessorMetrics {
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong ignored = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong timersFired = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final TasksInFlight inFlight = new TasksInFlight(50_000);
  private volatile TaskMeters taskMeters = TaskMeters.NONE;
  private volatile LongSupplier pendingTimers = () -> 0;

  void applied() {
    applied.incrementAndGet();
  }

  void ignored() {
    ignored.incrementAndGet();
  }

  void deadLettered() {
    deadLettered.incrementAndGet();
  }

  void replayed() {
    replayed.incrementAndGet();
  }

  void timerFired() {
    timersFired.incrementAndGet();
  }

  /** Commands, task results and timers that changed an execution. */
  public long appliedCount() {
    return applied.get();
  }

  /** Inputs that changed nothing: unknown or stale task tokens, cancelled timers, finished executions. */
  public long ignoredCount() {
    return ignored.get();
  }

  public long deadLetteredCount() {
    return deadLettered.get();
  }

  /** Second deliveries of an execution's last input whose outputs were written again (at-least-once only). */
  public long replayedCount() {
    return replayed.get();
  }

  public long timersFiredCount() {
    return timersFired.get();
  }

  /** Where per-task measurements go from now on (one observer; the server's meter registry). */
  public void observeTasks(TaskMeters meters) {
    this.taskMeters = meters == null ? TaskMeters.NONE : meters;
  }

  void taskDispatched(String taskName, String taskToken, long nowMillis) {
    inFlight.dispatched(taskToken, taskName, nowMillis);
    taskMeters.dispatched(taskName);
  }

  /** A task's result was applied; results of tasks this instance did not dispatch are not measured. */
  void taskFinished(String taskToken, boolean succeeded, long nowMillis) {
    inFlight.finished(taskToken).ifPresent(task ->
        taskMeters.completed(task.taskName(), succeeded, Math.max(0, nowMillis - task.dispatchedAtMillis())));
  }

  void pendingTimersFrom(LongSupplier source) {
    this.pendingTimers = source;
  }

  /** Execution timers pending on this instance (Wait states, retries, task timeouts); -1 when unknown. */
  public long pendingTimersCount() {
    try {
      return pendingTimers.getAsLong();
    } catch (RuntimeException e) {
      return -1; // the stores are not queryable while the instance rebalances
    }
  }
}
