package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** A task finished; {@code output} becomes the Task state's result. */
public record TaskSucceeded(int version, String executionArn, String taskToken, JsonNode output)
    implements TaskResult {

  public TaskSucceeded {
    Require.version(version, "TaskSucceeded");
    Require.text(executionArn, "TaskSucceeded", "executionArn");
    Require.text(taskToken, "TaskSucceeded", "taskToken");
    Require.present(output, "TaskSucceeded", "output");
  }
}
