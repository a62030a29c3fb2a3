package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A task finished; {@code output} becomes the Task state's result.
 *
 * @param workerOutput optional log lines of the worker, bounded by {@link WorkerOutput}
 */
public record TaskSucceeded(int version, String executionArn, String taskToken, JsonNode output,
    List<String> workerOutput) implements TaskResult {

  public TaskSucceeded {
    Require.version(version, "TaskSucceeded");
    Require.text(executionArn, "TaskSucceeded", "executionArn");
    Require.text(taskToken, "TaskSucceeded", "taskToken");
    Require.present(output, "TaskSucceeded", "output");
    workerOutput = WorkerOutput.bound(workerOutput);
  }

  public TaskSucceeded(int version, String executionArn, String taskToken, JsonNode output) {
    this(version, executionArn, taskToken, output, null);
  }
}
