package dev.stepstream.engine;

/**
 * The status of an execution, as DescribeExecution reports it. Each status has a stable
 * {@link #code()} in the stored execution state: never change or reuse a code, give a new status a
 * new one.
 */
public enum ExecutionStatus {
  RUNNING(0),
  SUCCEEDED(1),
  FAILED(2),
  TIMED_OUT(3),
  ABORTED(4);

  private final int code;

  ExecutionStatus(int code) {
    this.code = code;
  }

  public boolean finished() {
    return this != RUNNING;
  }

  /** The status's code in stored execution states. */
  public int code() {
    return code;
  }

  /**
   * The status stored as {@code code}.
   *
   * @throws IllegalArgumentException when no status has that code
   */
  public static ExecutionStatus fromCode(int code) {
    for (ExecutionStatus status : values()) {
      if (status.code == code) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown execution status code " + code + " in a stored execution state");
  }
}
