package dev.stepstream.engine;

import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TaskRequest;

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
}
