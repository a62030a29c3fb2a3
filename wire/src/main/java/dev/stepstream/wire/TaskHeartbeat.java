package dev.stepstream.wire;

/**
 * A worker is still working on a task; resets the task's HeartbeatSeconds timer.
 *
 * @param workerName who took the task (GetActivityTask's workerName, reported in the ActivityStarted
 *     event), or null
 */
public record TaskHeartbeat(int version, String executionArn, String taskToken, String workerName)
    implements TaskResult {

  public TaskHeartbeat {
    Require.version(version, "TaskHeartbeat");
    Require.text(executionArn, "TaskHeartbeat", "executionArn");
    Require.text(taskToken, "TaskHeartbeat", "taskToken");
  }

  /** A heartbeat that names no worker. */
  public TaskHeartbeat(int version, String executionArn, String taskToken) {
    this(version, executionArn, taskToken, null);
  }
}
