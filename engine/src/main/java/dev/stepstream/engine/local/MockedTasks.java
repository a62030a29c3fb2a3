package dev.stepstream.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireVersions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the task requests of one local run from its mock plan, counting invocations per Task
 * state name (0-based; every retry and every Map iteration is a new invocation, as in Step Functions
 * Local). Not thread-safe (one per run).
 */
final class MockedTasks {
  private final MockPlan plan;
  private final Map<String, Integer> invocations = new HashMap<>();

  MockedTasks(MockPlan plan) {
    this.plan = plan;
  }

  TaskResult answer(TaskRequest request) {
    int invocation = invocations.merge(request.stateName(), 1, Integer::sum) - 1;
    Optional<MockedResponse> mocked = plan.forState(request.stateName());
    if (mocked.isEmpty()) {
      return failed(request, "No mock response for Task state '" + request.stateName() + "' (resource "
          + request.resource() + ")");
    }
    Optional<MockResponse> response = mocked.get().forInvocation(invocation);
    if (response.isEmpty()) {
      return failed(request, "Mocked response '" + mocked.get().name() + "' defines no response for invocation "
          + invocation + " of Task state '" + request.stateName() + "'");
    }
    if (response.get() instanceof MockResponse.Return returned) {
      return new TaskSucceeded(WireVersions.CURRENT, request.executionArn(), request.taskToken(),
          workerOutput(request.resource(), returned.value()));
    }
    MockResponse.Throw thrown = (MockResponse.Throw) response.get();
    return new TaskFailed(WireVersions.CURRENT, request.executionArn(), request.taskToken(), thrown.error(),
        thrown.cause());
  }

  /**
   * A Step Functions Local mock returns the whole service response. For a request-response
   * {@code lambda:invoke}, the engine itself wraps the worker's output as {@code {ExecutedVersion,
   * Payload, StatusCode}}, so the mock's {@code Payload} is what the "worker" returns (other fields of
   * the mocked response, such as a non-200 StatusCode, are not reproduced). A Return without
   * {@code Payload} is taken as the function's own output.
   */
  static JsonNode workerOutput(String resource, JsonNode returned) {
    boolean lambdaInvoke = resource.startsWith("arn:") && resource.contains(":states:")
        && resource.endsWith(":lambda:invoke");
    return lambdaInvoke && returned.isObject() && returned.has("Payload") ? returned.get("Payload") : returned;
  }

  private static TaskFailed failed(TaskRequest request, String cause) {
    return new TaskFailed(WireVersions.CURRENT, request.executionArn(), request.taskToken(),
        ErrorNames.TASK_FAILED, cause);
  }
}
