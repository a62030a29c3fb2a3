package dev.stepstream.wire;

/** A worker is still working on a task; resets the task's HeartbeatSeconds timer. */
public record TaskHeartbeat(int version, String executionArn, String taskToken) implements TaskResult {

  public TaskHeartbeat {
    Require.version(version, "TaskHeartbeat");
    Require.text(executionArn, "TaskHeartbeat", "executionArn");
    Require.text(taskToken, "TaskHeartbeat", "taskToken");
  }
}
