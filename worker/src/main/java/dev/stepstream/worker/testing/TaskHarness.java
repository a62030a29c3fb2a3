package dev.stepstream.worker.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.LazyTaskHandler;
import dev.stepstream.worker.TaskHandler;
import dev.stepstream.worker.internal.LazyTaskRequest;
import dev.stepstream.worker.internal.TaskInvocation;
import dev.stepstream.worker.internal.TaskOutcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a {@link TaskHandler} without Kafka, exactly as a worker would (same error mapping, same
 * output conversion), and captures its heartbeats and result. For unit tests of handlers:
 *
 * <pre>{@code
 * TaskRun run = TaskHarness.forTask("ProcessarImagem").withAttempt(2).runJson(handler, "{\"x\": 1}");
 * assertThat(run.output().get("y").asInt()).isEqualTo(2);
 * }</pre>
 *
 * Instances are immutable; each {@code with...} returns a new harness.
 */
public final class TaskHarness {
  private final String taskName;
  private final String stateName;
  private final String executionArn;
  private final String token;
  private final int attempt;
  private final Long timeoutSeconds;
  private final Long heartbeatSeconds;
  private final JsonNode context;

  private TaskHarness(String taskName, String stateName, String executionArn, String token, int attempt,
      Long timeoutSeconds, Long heartbeatSeconds, JsonNode context) {
    this.taskName = taskName;
    this.stateName = stateName;
    this.executionArn = executionArn;
    this.token = token;
    this.attempt = attempt;
    this.timeoutSeconds = timeoutSeconds;
    this.heartbeatSeconds = heartbeatSeconds;
    this.context = context;
  }

  /** A harness for tasks of this name, run by a state of the same name, first attempt. */
  public static TaskHarness forTask(String taskName) {
    return new TaskHarness(taskName, taskName,
        "arn:aws:states:us-east-1:123456789012:execution:Harness:test-execution",
        "harness-token-" + taskName, 1, null, null, null);
  }

  public TaskHarness withStateName(String name) {
    return new TaskHarness(taskName, name, executionArn, token, attempt, timeoutSeconds, heartbeatSeconds, context);
  }

  public TaskHarness withExecutionArn(String arn) {
    return new TaskHarness(taskName, stateName, arn, token, attempt, timeoutSeconds, heartbeatSeconds, context);
  }

  public TaskHarness withToken(String taskToken) {
    return new TaskHarness(taskName, stateName, executionArn, taskToken, attempt, timeoutSeconds, heartbeatSeconds, context);
  }

  public TaskHarness withAttempt(int number) {
    return new TaskHarness(taskName, stateName, executionArn, token, number, timeoutSeconds, heartbeatSeconds, context);
  }

  public TaskHarness withTimeoutSeconds(Long seconds) {
    return new TaskHarness(taskName, stateName, executionArn, token, attempt, seconds, heartbeatSeconds, context);
  }

  public TaskHarness withHeartbeatSeconds(Long seconds) {
    return new TaskHarness(taskName, stateName, executionArn, token, attempt, timeoutSeconds, seconds, context);
  }

  /** The context object ({@code $$}); by default one shaped like Step Functions' is built. */
  public TaskHarness withContext(JsonNode contextObject) {
    return new TaskHarness(taskName, stateName, executionArn, token, attempt, timeoutSeconds, heartbeatSeconds, contextObject);
  }

  /** Runs the handler with this input (a JsonNode, or any value Jackson can serialise). */
  public TaskRun run(TaskHandler handler, Object input) {
    return runLazy(TaskInvocation.lazy(handler), input);
  }

  /**
   * Runs a {@link LazyTaskHandler} with this input (a JsonNode, or any value Jackson can serialise),
   * as a worker built with {@code lazyHandler} would; a {@link dev.stepstream.worker.RawJson} output
   * appears in {@link TaskRun#output()} as its tree.
   */
  public TaskRun runLazy(LazyTaskHandler handler, Object input) {
    JsonNode inputNode = input instanceof JsonNode node ? node : WireJson.mapper().valueToTree(input);
    TaskRequest request = request(inputNode);
    List<TaskHeartbeat> heartbeats = new CopyOnWriteArrayList<>();
    Optional<TaskResult> result;
    try {
      result = TaskInvocation.invoke(handler, LazyTaskRequest.of(request), heartbeats::add).map(TaskOutcome::toRecord);
    } catch (InterruptedException e) {
      // A running worker that is not stopping reports an interrupted handler as a failure too.
      result = Optional.of(TaskInvocation.failed(request, e));
    }
    return new TaskRun(request, result, List.copyOf(heartbeats));
  }

  /** Runs a {@link LazyTaskHandler} with input given as JSON text. */
  public TaskRun runLazyJson(LazyTaskHandler handler, String inputJson) {
    return runLazy(handler, parse(inputJson));
  }

  /** Runs the handler with input given as JSON text. */
  public TaskRun runJson(TaskHandler handler, String inputJson) {
    return run(handler, parse(inputJson));
  }

  private static JsonNode parse(String inputJson) {
    try {
      return WireJson.mapper().readTree(inputJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the input is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The request the handler sees for this input. */
  public TaskRequest request(JsonNode input) {
    long now = System.currentTimeMillis();
    return new TaskRequest(WireVersions.CURRENT, executionArn, token,
        "arn:aws:lambda:us-east-1:123456789012:function:" + taskName, taskName, stateName, input, attempt,
        timeoutSeconds, heartbeatSeconds, context != null ? context : defaultContext(input), now);
  }

  private JsonNode defaultContext(JsonNode input) {
    ObjectNode root = WireJson.mapper().createObjectNode();
    ObjectNode execution = root.putObject("Execution");
    execution.put("Id", executionArn);
    execution.put("Name", executionArn.substring(executionArn.lastIndexOf(':') + 1));
    execution.set("Input", input);
    ObjectNode state = root.putObject("State");
    state.put("Name", stateName);
    state.put("RetryCount", attempt - 1);
    root.putObject("Task").put("Token", token);
    return root;
  }
}
