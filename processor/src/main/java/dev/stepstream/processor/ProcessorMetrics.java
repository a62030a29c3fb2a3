package dev.stepstream.processor;

import java.util.concurrent.atomic.AtomicLong;

/** Counters shared by all processor instances of one application (exported by the server). */
public final class ProcessorMetrics {
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong ignored = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong timersFired = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();

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
}
