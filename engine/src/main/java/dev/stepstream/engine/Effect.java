package dev.stepstream.engine;

import dev.stepstream.wire.Command;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;

/** Something the host (processor or local runner) must do because of a decision. */
public sealed interface Effect {

  /** Send a task request to {@code tasks.<request.taskName()>}. */
  record ScheduleTask(TaskRequest request) implements Effect {}

  /** Deliver a {@code TimerFired(executionArn, timerId)} command at {@code dueAtMillis} (or later). */
  record StartTimer(String timerId, long dueAtMillis) implements Effect {}

  /** Forget a timer started earlier; firing it anyway is harmless (the engine ignores stale timers). */
  record CancelTimer(String timerId) implements Effect {}

  /** The per-call transition bound was reached: deliver {@code Continue(executionArn, sequence)} soon. */
  record ContinueLater(long sequence) implements Effect {}

  /** The execution's summary changed (started, finished, redriven): publish it. */
  record PublishSummary(ExecutionSummary summary) implements Effect {}

  /**
   * Deliver a command to another execution ({@code commands}, keyed by {@code command.executionArn()}):
   * a parent stopping its {@code .sync} child.
   */
  record SendCommand(Command command) implements Effect {}

  /**
   * Deliver a task result to another execution ({@code task-results}, keyed by
   * {@code result.executionArn()}): a {@code .sync} child completing its parent's Task.
   */
  record SendTaskResult(TaskResult result) implements Effect {}
}
