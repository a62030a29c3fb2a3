package dev.stepstream.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.TaskHandler;
import dev.stepstream.worker.TaskWorker;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a handler for one request and turns what it did into the result record to send. Shared by
 * the Kafka worker and the test harness, so both map outcomes identically. Not part of the API.
 */
public final class TaskInvocation {
  private TaskInvocation() {}

  /**
   * @param heartbeats receives the handler's heartbeats as they happen
   * @return TaskSucceeded or TaskFailed, or empty when the handler chose not to complete the task
   * @throws InterruptedException when the handler was interrupted; the caller decides whether that
   *     is a failure or, when the worker is stopping, a task to leave for redelivery
   */
  public static Optional<TaskResult> run(TaskHandler handler, TaskRequest request, Consumer<TaskHeartbeat> heartbeats)
      throws InterruptedException {
    DefaultTaskContext ctx = new DefaultTaskContext(request, heartbeats);
    Object returned;
    try {
      returned = handler.handle(request.input(), ctx);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | StackOverflowError | AssertionError | LinkageError e) {
      return Optional.of(withLog(failed(request, e), ctx.loggedLines()));
    }
    if (ctx.completesLater() || returned == TaskWorker.NO_RESULT) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TaskSucceeded(WireVersions.CURRENT, request.executionArn(), request.taskToken(), toJson(returned),
          ctx.loggedLines()));
    } catch (IllegalArgumentException e) {
      return Optional.of(withLog(failed(request, e), ctx.loggedLines()));
    }
  }

  private static TaskFailed withLog(TaskFailed failed, java.util.List<String> lines) {
    return new TaskFailed(failed.version(), failed.executionArn(), failed.taskToken(), failed.error(), failed.cause(), lines);
  }

  /** The TaskFailed reporting {@code thrown} for {@code request}. */
  public static TaskFailed failed(TaskRequest request, Throwable thrown) {
    FailureMapping.Failure failure = FailureMapping.of(thrown);
    return new TaskFailed(WireVersions.CURRENT, request.executionArn(), request.taskToken(), failure.error(), failure.cause());
  }

  private static JsonNode toJson(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    return WireJson.mapper().valueToTree(value);
  }
}
