package dev.stepstream.worker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import java.util.List;
import java.util.Optional;

/**
 * What a handler did in a {@link TaskHarness}: the result record a worker would have sent (empty
 * when the handler chose not to complete the task) and the heartbeats it sent, in order.
 */
public record TaskRun(TaskRequest request, Optional<TaskResult> result, List<TaskHeartbeat> heartbeats) {

  public boolean succeeded() {
    return result.filter(TaskSucceeded.class::isInstance).isPresent();
  }

  public boolean failed() {
    return result.filter(TaskFailed.class::isInstance).isPresent();
  }

  /** True when the handler returned {@code NO_RESULT} or called {@code ctx.doNotComplete()}. */
  public boolean deferred() {
    return result.isEmpty();
  }

  /** The output of a successful task. */
  public JsonNode output() {
    return as(TaskSucceeded.class).output();
  }

  /** The error name of a failed task. */
  public String error() {
    return as(TaskFailed.class).error();
  }

  /** The cause of a failed task (may be null). */
  public String cause() {
    return as(TaskFailed.class).cause();
  }

  /** The lines the handler logged with {@code ctx.log} (for a command, its stderr); empty when none. */
  public List<String> workerOutput() {
    List<String> lines = result.map(TaskResult::workerOutput).orElse(null);
    return lines == null ? List.of() : lines;
  }

  public int heartbeatCount() {
    return heartbeats.size();
  }

  private <T extends TaskResult> T as(Class<T> expected) {
    return result.filter(expected::isInstance).map(expected::cast).orElseThrow(() -> new IllegalStateException(
        "expected the task to end with " + expected.getSimpleName() + " but it " + describe()));
  }

  private String describe() {
    if (result.isEmpty()) {
      return "was not completed (the handler deferred it)";
    }
    if (result.get() instanceof TaskFailed f) {
      return "failed with " + f.error() + ": " + f.cause();
    }
    return "succeeded with " + ((TaskSucceeded) result.get()).output();
  }
}
