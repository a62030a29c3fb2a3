package dev.stepstream.worker;

import dev.stepstream.worker.internal.RunningWorker;
import dev.stepstream.worker.internal.WorkerCounters;
import dev.stepstream.worker.internal.WorkerSettings;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link TaskHandler} (or a {@link LazyTaskHandler}) for every task of one task name: it
 * consumes TaskRequest records from {@code <prefix>tasks.<task>} (read_committed), calls the
 * handler, writes TaskSucceeded or TaskFailed to {@code <prefix>task-results} keyed by the
 * execution ARN, and commits a record's
 * offset only after its result was acknowledged. Delivery is at-least-once: after a crash a task
 * may run again, and the engine ignores the extra result by its token.
 *
 * <pre>{@code
 * TaskWorker worker = TaskWorker.builder()
 *     .bootstrapServers("localhost:9092")
 *     .task("ProcessarImagem")
 *     .handler((input, ctx) -> Map.of("ok", true))
 *     .concurrency(4)
 *     .build()
 *     .start();
 * ...
 * worker.close(); // finishes running tasks, sends their results, commits
 * }</pre>
 */
public final class TaskWorker implements AutoCloseable {

  /** Returned by a handler whose task is completed later by someone else, with its token. */
  public static final Object NO_RESULT = new Object() {
    @Override
    public String toString() {
      return "TaskWorker.NO_RESULT";
    }
  };

  private enum Lifecycle { CREATED, RUNNING, CLOSED }

  private final WorkerSettings settings;
  private final LazyTaskHandler handler;
  private final WorkerCounters counters = new WorkerCounters();
  private Lifecycle lifecycle = Lifecycle.CREATED;
  private RunningWorker running;

  TaskWorker(WorkerSettings settings, LazyTaskHandler handler) {
    this.settings = settings;
    this.handler = handler;
  }

  public static TaskWorkerBuilder builder() {
    return new TaskWorkerBuilder();
  }

  /**
   * Connects and starts taking tasks on background threads, then returns this worker.
   *
   * @throws IllegalStateException when the worker was already started or closed
   */
  public synchronized TaskWorker start() {
    if (lifecycle != Lifecycle.CREATED) {
      throw new IllegalStateException("the worker for task '" + settings.task() + "' was already "
          + (lifecycle == Lifecycle.RUNNING ? "started" : "closed"));
    }
    running = RunningWorker.start(settings, handler, counters);
    lifecycle = Lifecycle.RUNNING;
    return this;
  }

  /**
   * Stops gracefully: no new tasks are taken, running ones may finish (up to the shutdown timeout)
   * and their results are sent and committed; tasks still running after that are redelivered.
   * Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (lifecycle == Lifecycle.RUNNING) {
      try {
        running.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lifecycle = Lifecycle.CLOSED;
  }

  /** Blocks until the worker has stopped, for programs whose main thread has nothing else to do. */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    RunningWorker current;
    synchronized (this) {
      current = running;
    }
    return current == null || current.awaitStopped(timeout, unit);
  }

  /** True between {@link #start()} and the end of {@link #close()} (or a fatal Kafka error). */
  public synchronized boolean isRunning() {
    return running != null && running.isRunning();
  }

  public WorkerMetrics metrics() {
    return counters.snapshot();
  }

  public String task() {
    return settings.task();
  }

  public String taskTopic() {
    return settings.taskTopic();
  }

  public String resultsTopic() {
    return settings.resultsTopic();
  }

  public String groupId() {
    return settings.groupId();
  }

  public String workerName() {
    return settings.workerName();
  }

  public int concurrency() {
    return settings.concurrency();
  }
}
