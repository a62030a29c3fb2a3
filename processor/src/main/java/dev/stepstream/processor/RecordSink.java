package dev.stepstream.processor;

/**
 * Where the processor's records go. {@link ContextRecordSink} forwards them to the topology's sinks;
 * tests of the processor's collaborators record them instead, with no Kafka involved.
 */
interface RecordSink {
  /** The output topics other than the task topics. */
  enum Topic { HISTORY, EXECUTIONS, COMMANDS, DEAD_LETTERS, EVENTS, LOGS, TASK_RESULTS }

  /** Sends one record; a null value is a tombstone. */
  void send(Topic topic, String key, byte[] value, long timestamp);

  /** Sends a task request to the topic of the task {@code taskName}. */
  void sendTask(String taskName, String key, byte[] request, long timestamp);

  /** Sends a task request with a W3C {@code traceparent} header (null: none). */
  default void sendTask(String taskName, String key, byte[] request, long timestamp, String traceparent) {
    sendTask(taskName, key, request, timestamp);
  }
}
