package dev.stepstream.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.TaskRequest;

/** What a handler knows about the task it is running, and how it talks back while running. */
public interface TaskContext {

  /** The task token; the engine matches results (and SendTask* calls) to the task by it. */
  String token();

  /** 1 for the first attempt, incremented by each Retry. */
  int attempt();

  String executionArn();

  /** The name of the Task state in the state machine. */
  String stateName();

  /** The task name, i.e. the {@code <name>} of the {@code tasks.<name>} topic. */
  String taskName();

  /** The state's TimeoutSeconds, or null when it has none. */
  default Long timeoutSeconds() {
    return request().timeoutSeconds();
  }

  /** The state's HeartbeatSeconds, or null when it has none. */
  default Long heartbeatSeconds() {
    return request().heartbeatSeconds();
  }

  /** The context object ({@code $$}) as it was when the task was scheduled; decoded on the first call. */
  JsonNode context();

  /** The whole request, including its timeouts; decoded on the first call (input and context as trees). */
  TaskRequest request();

  /**
   * Tells the engine the task is still being worked on, which resets the state's HeartbeatSeconds
   * timer. Returns without waiting for the broker; call it more often than HeartbeatSeconds.
   */
  void heartbeat();

  /**
   * Marks this task as completed later by someone else (with SendTaskSuccess/SendTaskFailure or a
   * result record carrying {@link #token()}): whatever the handler returns is then ignored.
   *
   * @return {@link TaskWorker#NO_RESULT}, so a handler can {@code return ctx.doNotComplete();}
   */
  Object doNotComplete();

  /**
   * Adds a line to the task's log. The lines travel with the task result (as its
   * {@code workerOutput}) and appear under the task's events in the console and in
   * {@code GET /api/executions/<ARN>/logs}. A message with line breaks counts as several lines; only
   * the last 100 lines, each cut to 1,024 characters, are kept. Thread-safe.
   */
  void log(String message);
}
