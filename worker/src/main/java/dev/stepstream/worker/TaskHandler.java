package dev.stepstream.worker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The code that performs one task. It receives the task input and returns the task output: a
 * {@link JsonNode} or any value Jackson can serialise ({@code null} becomes JSON {@code null}).
 *
 * <p>Throw {@link TaskFailure} to fail the task with an error name of your choice (matched by the
 * state's Retry and Catch); any other exception fails it with the exception's class name. Return
 * {@link TaskWorker#NO_RESULT} (or {@code ctx.doNotComplete()}) when someone else completes the
 * task later with its token, as {@code .waitForTaskToken} tasks are.
 *
 * <p>A handler that throws {@link InterruptedException} while its worker is closing leaves its
 * task unanswered and uncommitted, so it is delivered again later; at any other time it is a failure.
 *
 * <p>Handlers run on several threads at once when the worker's concurrency is above 1, and the same
 * task may be delivered more than once (at-least-once), so make them thread-safe and idempotent.
 */
@FunctionalInterface
public interface TaskHandler {
  Object handle(JsonNode input, TaskContext ctx) throws Exception;
}
