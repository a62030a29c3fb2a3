package dev.stepstream.engine;

/** The status of an execution, as DescribeExecution reports it. */
public enum ExecutionStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  ABORTED;

  public boolean finished() {
    return this != RUNNING;
  }
}
