package dev.stepstream.engine.runtime;

/**
 * What a frame's current state is waiting for, one type per kind of state: a Task attempt, a Wait
 * timer, a retry back-off, the branches of a Parallel or the iterations of a Map. A frame holds at
 * most one; a state that is entered, running or halted without children holds none.
 */
public sealed interface StateWork permits TaskAttempt, WaitTimer, RetryBackoff, ChildWork {

  /** The timers this work owns (cancelled together when the work ends early). */
  default java.util.List<String> timerIds() {
    return java.util.List.of();
  }
}
