package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A unit of work for a worker, on {@code tasks.<taskName>}, keyed by the execution ARN. The worker
 * answers with a {@link TaskResult} carrying the same {@code taskToken}.
 *
 * @param resource the Task state's Resource as written in the definition
 * @param attempt 1 for the first attempt, incremented by each retry
 * @param timeoutSeconds the task timeout (TimeoutSeconds), or null
 * @param heartbeatSeconds the heartbeat timeout (HeartbeatSeconds), or null
 * @param context the context object ({@code $$}) at scheduling time
 * @param scheduledAt epoch milliseconds
 */
public record TaskRequest(
    int version,
    String executionArn,
    String taskToken,
    String resource,
    String taskName,
    String stateName,
    JsonNode input,
    int attempt,
    Long timeoutSeconds,
    Long heartbeatSeconds,
    JsonNode context,
    long scheduledAt) implements WireRecord {

  public TaskRequest {
    Require.version(version, "TaskRequest");
    Require.text(executionArn, "TaskRequest", "executionArn");
    Require.text(taskToken, "TaskRequest", "taskToken");
    Require.text(resource, "TaskRequest", "resource");
    Require.text(taskName, "TaskRequest", "taskName");
    Require.text(stateName, "TaskRequest", "stateName");
    Require.present(input, "TaskRequest", "input");
  }
}
