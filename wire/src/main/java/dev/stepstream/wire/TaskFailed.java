package dev.stepstream.wire;

import java.util.List;

/**
 * A task failed with an error name (matched by Retry/Catch) and a cause.
 *
 * @param workerOutput optional log lines of the worker, bounded by {@link WorkerOutput}
 */
public record TaskFailed(int version, String executionArn, String taskToken, String error, String cause,
    List<String> workerOutput) implements TaskResult {

  public TaskFailed {
    Require.version(version, "TaskFailed");
    Require.text(executionArn, "TaskFailed", "executionArn");
    Require.text(taskToken, "TaskFailed", "taskToken");
    workerOutput = WorkerOutput.bound(workerOutput);
  }

  public TaskFailed(int version, String executionArn, String taskToken, String error, String cause) {
    this(version, executionArn, taskToken, error, cause, null);
  }
}
