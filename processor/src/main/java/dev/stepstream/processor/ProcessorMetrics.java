package dev.stepstream.processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Counters shared by all processor instances of one application (exported by the server). */
public final class ProcessorMetrics {
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong ignored = new AtomicLong();
  private final AtomicLong ignoredTaskResults = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong timersFired = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final TasksInFlight inFlight = new TasksInFlight(50_000);
  private final Map<String, TaskCounts> tasks = new ConcurrentHashMap<>();
  private volatile TaskMeters taskMeters = TaskMeters.NONE;
  private volatile LongSupplier pendingTimers = () -> 0;

  void applied() {
    applied.incrementAndGet();
  }

  void ignored() {
    ignored.incrementAndGet();
  }

  /** A task result or heartbeat that changed nothing (also counted as {@link #ignored()}). */
  void ignoredTaskResult() {
    ignoredTaskResults.incrementAndGet();
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

  /**
   * Task results and heartbeats that changed nothing: a second result for the same token, a result
   * arriving after its task timed out or was retried, an unknown token. A subset of {@link #ignoredCount()}.
   */
  public long ignoredTaskResultsCount() {
    return ignoredTaskResults.get();
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

  /** The processor wrote a task request (public for the server's tests). */
  public void taskDispatched(String taskName, String taskToken, long nowMillis) {
    inFlight.dispatched(taskToken, taskName, nowMillis);
    tasks.computeIfAbsent(taskName, n -> new TaskCounts()).dispatched.incrementAndGet();
    taskMeters.dispatched(taskName);
  }

  /** A task's result was applied; results of tasks this instance did not dispatch are not measured. */
  public void taskFinished(String taskToken, boolean succeeded, long nowMillis) {
    inFlight.finished(taskToken).ifPresent(task -> {
      TaskCounts counts = tasks.computeIfAbsent(task.taskName(), n -> new TaskCounts());
      (succeeded ? counts.succeeded : counts.failed).incrementAndGet();
      taskMeters.completed(task.taskName(), succeeded, Math.max(0, nowMillis - task.dispatchedAtMillis()));
    });
  }

  /** Per task name: requests dispatched and results applied since this instance started (live view). */
  public Map<String, TaskCounts> taskCounts() {
    return Map.copyOf(tasks);
  }

  /** One task's counts, or null before its first dispatch here. */
  public TaskCounts taskCounts(String taskName) {
    return tasks.get(taskName);
  }

  /** Counters of one task, read by the server's meters whenever it was started. */
  public static final class TaskCounts {
    private final AtomicLong dispatched = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public long dispatched() {
      return dispatched.get();
    }

    public long succeeded() {
      return succeeded.get();
    }

    public long failed() {
      return failed.get();
    }
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
