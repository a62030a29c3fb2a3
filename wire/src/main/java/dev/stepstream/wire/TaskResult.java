package dev.stepstream.wire;

/**
 * A record on the task-results topic, written by a worker (or by the API for SendTask* calls),
 * keyed by the execution ARN and matched to its task by the task token.
 */
public sealed interface TaskResult extends WireRecord permits TaskSucceeded, TaskFailed, TaskHeartbeat {
  String executionArn();

  String taskToken();

  /** The worker's log lines sent with the result (none for heartbeats). */
  default java.util.List<String> workerOutput() {
    return null;
  }
}
