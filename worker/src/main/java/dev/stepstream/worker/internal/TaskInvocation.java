package dev.stepstream.worker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.LazyTaskHandler;
import dev.stepstream.worker.RawJson;
import dev.stepstream.worker.TaskHandler;
import dev.stepstream.worker.TaskWorker;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a handler for one request and turns what it did into the result to send. Shared by the Kafka
 * worker and the test harness, so both map outcomes identically. Not part of the API.
 */
public final class TaskInvocation {
  private TaskInvocation() {}

  /** A tree handler as a lazy one: it gets the input parsed. */
  public static LazyTaskHandler lazy(TaskHandler handler) {
    return (input, ctx) -> handler.handle(input.tree(), ctx);
  }

  /**
   * As {@link #invoke}, for an already decoded request and a tree handler, answering the record.
   *
   * @return TaskSucceeded or TaskFailed, or empty when the handler chose not to complete the task
   */
  public static Optional<TaskResult> run(TaskHandler handler, TaskRequest request, Consumer<TaskHeartbeat> heartbeats)
      throws InterruptedException {
    return invoke(lazy(handler), LazyTaskRequest.of(request), heartbeats).map(TaskOutcome::toRecord);
  }

  /**
   * @param heartbeats receives the handler's heartbeats as they happen
   * @return the result to send, or empty when the handler chose not to complete the task
   * @throws InterruptedException when the handler was interrupted; the caller decides whether that
   *     is a failure or, when the worker is stopping, a task to leave for redelivery
   */
  public static Optional<TaskOutcome> invoke(LazyTaskHandler handler, LazyTaskRequest request,
      Consumer<TaskHeartbeat> heartbeats) throws InterruptedException {
    DefaultTaskContext ctx = new DefaultTaskContext(request, heartbeats);
    Object returned;
    try {
      returned = handler.handle(request.input(), ctx);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | StackOverflowError | AssertionError | LinkageError e) {
      return Optional.of(failed(request.executionArn(), request.taskToken(), e, ctx.loggedLines()));
    }
    if (ctx.completesLater() || returned == TaskWorker.NO_RESULT) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TaskOutcome.Succeeded(request.executionArn(), request.taskToken(), output(returned),
          ctx.loggedLines()));
    } catch (IllegalArgumentException e) {
      return Optional.of(failed(request.executionArn(), request.taskToken(), e, ctx.loggedLines()));
    }
  }

  /** The TaskFailed reporting {@code thrown} for {@code request}. */
  public static TaskFailed failed(TaskRequest request, Throwable thrown) {
    return failed(request.executionArn(), request.taskToken(), thrown, null).record();
  }

  static TaskOutcome.Failed failed(String executionArn, String taskToken, Throwable thrown, List<String> lines) {
    FailureMapping.Failure failure = FailureMapping.of(thrown);
    return new TaskOutcome.Failed(new TaskFailed(WireVersions.CURRENT, executionArn, taskToken, failure.error(),
        failure.cause(), lines));
  }

  /** The output as a tree or raw JSON; other values are converted to a tree. */
  private static Object output(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode || value instanceof RawJson) {
      return value;
    }
    return WireJson.mapper().valueToTree(value);
  }
}
