package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.server.api.backend.Executions;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.WireVersions;
import java.util.Map;

/**
 * SendTaskSuccess/Failure/Heartbeat: the token names its execution ({@link TaskTokens}); the
 * result goes to the task-results topic exactly as a worker's would. A token of an execution that
 * does not exist is TaskDoesNotExist; one of a finished execution is TaskTimedOut, as AWS answers.
 * A token the deployment's keys did not sign (forged, or altered after the engine made it) is
 * InvalidToken. A signed token of a running execution that no task waits for any more is
 * TaskTimedOut, as AWS answers for a task that is over; the execution's owner is asked (interactive
 * query, routed to the owning instance), and when it cannot answer now the result is sent and the
 * processor ignores it if it matches nothing. Without keys (an API without a processor) a token no
 * task waits for is InvalidToken.
 */
public final class TaskOps {
  private static final int MAX_TOKEN = 2048;
  private final Backend backend;
  private final TaskTokenKeys tokenKeys;

  /** {@code tokenKeys} null checks only the token's form (an API without a processor, in tests). */
  public TaskOps(Backend backend, TaskTokenKeys tokenKeys) {
    this.backend = backend;
    this.tokenKeys = tokenKeys;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("SendTaskSuccess", this::success);
    ops.put("SendTaskFailure", this::failure);
    ops.put("SendTaskHeartbeat", this::heartbeat);
  }

  private JsonNode success(RequestFields request) {
    String token = request.requiredText("taskToken", MAX_TOKEN);
    String outputText = request.requiredText("output", ExecutionOps.MAX_PAYLOAD);
    String arn = openExecution(token);
    JsonNode output = AwsJson.parse(outputText).orElseThrow(() -> new AwsException(AwsErrors.INVALID_OUTPUT,
        "Invalid Output: 'the task output is not valid JSON'"));
    backend.publisher().send(new TaskSucceeded(WireVersions.CURRENT, arn, token, output));
    return AwsJson.object();
  }

  private JsonNode failure(RequestFields request) {
    String token = request.requiredText("taskToken", MAX_TOKEN);
    String error = request.optionalText("error").orElse(null);
    String cause = request.optionalText("cause").orElse(null);
    if (error != null) {
      RequestFields.checkLength("error", error, 256);
    }
    if (cause != null) {
      RequestFields.checkLength("cause", cause, 32_768);
    }
    backend.publisher().send(new TaskFailed(WireVersions.CURRENT, openExecution(token), token, error, cause));
    return AwsJson.object();
  }

  private JsonNode heartbeat(RequestFields request) {
    String token = request.requiredText("taskToken", MAX_TOKEN);
    backend.publisher().send(new TaskHeartbeat(WireVersions.CURRENT, openExecution(token), token));
    return AwsJson.object();
  }

  private String openExecution(String token) {
    String arn = TaskTokens.executionArn(token).orElseThrow(() -> AwsErrors.invalidToken("Invalid token"));
    if (tokenKeys != null && !tokenKeys.verify(token)) {
      throw AwsErrors.invalidToken("Invalid token");
    }
    ExecutionSummary execution = backend.executions().find(arn).orElseThrow(() ->
        new AwsException(AwsErrors.TASK_DOES_NOT_EXIST, "Task Does Not Exist: 'Provided task does not exist'"));
    if (!Executions.isRunning(execution)) {
      throw taskTimedOut();
    }
    if (backend.executions().holdsTask(arn, token).filter(held -> !held).isPresent()) {
      throw tokenKeys != null ? taskTimedOut() : AwsErrors.invalidToken("Invalid token");
    }
    return arn;
  }

  private static AwsException taskTimedOut() {
    return new AwsException(AwsErrors.TASK_TIMED_OUT, "Task Timed Out: 'Provided task does not exist anymore'");
  }
}
