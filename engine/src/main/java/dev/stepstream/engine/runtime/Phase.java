package dev.stepstream.engine.runtime;

import dev.stepstream.wire.StoredCodes;

/**
 * Where a frame stands in its current state: entered ({@link #ENTER}), running ({@link #RUNNING}),
 * waiting ({@link #TASK}, {@link #WAIT}, {@link #BACKOFF}, {@link #CHILDREN}, each with its
 * {@link StateWork}), or done unsuccessfully ({@link #HALTED}); a frame that moves on enters its
 * next state. Each phase has a stable {@link #code()} in the stored execution state: never change or
 * reuse a code, give a new phase a new one.
 */
public enum Phase {
  /** About to enter the current state (emits its StateEntered event). */
  ENTER(0),
  /**
   * Running the current state, or about to run it again after a retry, without a new StateEntered
   * event.
   */
  RUNNING(1),
  /** Waiting for the result of a task (by token). */
  TASK(2),
  /** Waiting for a Wait state's timer. */
  WAIT(3),
  /** Waiting for a retry back-off timer. */
  BACKOFF(4),
  /** A Parallel or Map state waiting for its branches or iterations. */
  CHILDREN(5),
  /**
   * Stopped unsuccessfully (failed, or aborted with the execution or with a failing sibling); kept
   * so that a redrive can run the state again.
   */
  HALTED(6);

  private static final StoredCodes<Phase> CODES = StoredCodes.index(values(), Phase::code, "frame phase");

  private final int code;

  Phase(int code) {
    this.code = code;
  }

  /** The phase's code in stored execution states. */
  public int code() {
    return code;
  }

  /**
   * The phase stored as {@code code}.
   *
   * @throws IllegalArgumentException when no phase has that code
   */
  public static Phase fromCode(int code) {
    return CODES.of(code);
  }

  /** True when the frame can advance without an outside input. */
  public boolean runnable() {
    return this == ENTER || this == RUNNING;
  }
}
