package dev.stepstream.wire;

/** A task failed with an error name (matched by Retry/Catch) and a cause. */
public record TaskFailed(int version, String executionArn, String taskToken, String error, String cause)
    implements TaskResult {

  public TaskFailed {
    Require.version(version, "TaskFailed");
    Require.text(executionArn, "TaskFailed", "executionArn");
    Require.text(taskToken, "TaskFailed", "taskToken");
  }
}
