package dev.stepstream.engine.runtime;

import dev.stepstream.wire.StoredCodes;

/**
 * Why a timer was started; decides what its TimerFired does. Each kind has a stable {@link #code()}
 * in the stored execution state: never change or reuse a code, give a new kind a new one.
 */
public enum TimerKind {
  WAIT(0),
  RETRY_BACKOFF(1),
  TASK_TIMEOUT(2),
  HEARTBEAT_TIMEOUT(3),
  EXECUTION_TIMEOUT(4);

  private static final StoredCodes<TimerKind> CODES = StoredCodes.index(values(), TimerKind::code, "timer kind");

  private final int code;

  TimerKind(int code) {
    this.code = code;
  }

  /** The kind's code in stored execution states. */
  public int code() {
    return code;
  }

  /**
   * The kind stored as {@code code}.
   *
   * @throws IllegalArgumentException when no kind has that code
   */
  public static TimerKind fromCode(int code) {
    return CODES.of(code);
  }
}
