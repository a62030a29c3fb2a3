package dev.stepstream.engine.runtime;

/** Where a frame stands in its current state. */
public enum Phase {
  /** About to enter the current state (emits its StateEntered event). */
  ENTER,
  /** About to (re-)run the current state after a retry back-off, without a new StateEntered event. */
  RETRY,
  /** Waiting for the result of a task (by token). */
  TASK,
  /** Waiting for a Wait state's timer. */
  WAIT,
  /** Waiting for a retry back-off timer. */
  BACKOFF,
  /** A Parallel or Map state waiting for its branches or iterations. */
  CHILDREN,
  /**
   * Stopped unsuccessfully (failed, or aborted with the execution or with a failing sibling); kept
   * so that a redrive can run the state again.
   */
  HALTED;

  /** True when the frame can advance without an outside input. */
  public boolean runnable() {
    return this == ENTER || this == RETRY;
  }
}
