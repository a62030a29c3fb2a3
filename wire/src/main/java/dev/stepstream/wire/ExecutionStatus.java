package dev.stepstream.wire;

/**
 * The status of an execution, as DescribeExecution reports it; in JSON its name. Each status also has
 * a stable {@link #code()} for binary stored formats (the engine's execution state): never change or
 * reuse a code, give a new status a new one.
 */
public enum ExecutionStatus {
  RUNNING(0),
  SUCCEEDED(1),
  FAILED(2),
  TIMED_OUT(3),
  ABORTED(4),
  /** A redrive was requested and has not started yet (AWS reports it; Stepstream redrives at once). */
  PENDING_REDRIVE(5);

  private static final StoredCodes<ExecutionStatus> CODES = StoredCodes.index(values(), ExecutionStatus::code, "execution status");

  private final int code;

  ExecutionStatus(int code) {
    this.code = code;
  }

  /** True when the execution stopped: neither running nor about to run again. */
  public boolean finished() {
    return this != RUNNING && this != PENDING_REDRIVE;
  }

  /** The status's code in binary stored formats. */
  public int code() {
    return code;
  }

  /**
   * The status stored as {@code code}.
   *
   * @throws IllegalArgumentException when no status has that code
   */
  public static ExecutionStatus fromCode(int code) {
    return CODES.of(code);
  }
}
