package dev.stepstream.engine.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.runtime.ExecutionHeader;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * What the processor that takes a child's {@link StartExecution} tells the parent's
 * {@code states:startExecution} Task about the start itself, as AWS's StartExecution call would have
 * answered: for request-response, {@code {ExecutionArn, StartDate}} with the SDK metadata; for every
 * pattern, a start that cannot be made fails the Task with {@code StepFunctions.<code>Exception} and
 * the SDK's message as cause.
 */
public final class NestedStartAnswers {
  /** AWS's error code when the child's state machine does not exist. */
  public static final String STATE_MACHINE_DOES_NOT_EXIST = "StateMachineDoesNotExist";
  /** AWS's error code when the child's name is taken by another execution. */
  public static final String EXECUTION_ALREADY_EXISTS = "ExecutionAlreadyExists";

  private NestedStartAnswers() {}

  /** A request-response parent's answer once its child has started; empty for the other patterns. */
  public static Optional<TaskResult> started(ExecutionHeader child) {
    ParentExecution parent = child.parent();
    if (parent == null || !parent.answeredAtStart()) {
      return Optional.empty();
    }
    return Optional.of(succeeded(parent, child.executionArn(), child.startMillis()));
  }

  /**
   * The answer to a start whose name an execution already has, on AWS's terms: the same start again
   * (same parent Task attempt) is not answered twice (empty); a request-response start with the input
   * of a still running execution gets that execution (StartExecution is idempotent then); any other
   * start fails with {@code ExecutionAlreadyExists}. Empty when no parent Task made the start.
   */
  public static Optional<TaskResult> nameTaken(ExecutionState existing, StartExecution start) {
    ParentExecution parent = start.parent();
    ParentExecution existingParent = existing.header().parent();
    if (parent == null || existingParent != null && existingParent.taskToken().equals(parent.taskToken())) {
      return Optional.empty();
    }
    if (parent.answeredAtStart() && existing.status() == ExecutionStatus.RUNNING
        && existing.input().equals(start.input())) {
      return Optional.of(succeeded(parent, existing.executionArn(), existing.startMillis()));
    }
    return failed(start, EXECUTION_ALREADY_EXISTS, "Execution Already Exists: '" + start.executionArn() + "'");
  }

  /**
   * The failure of a start that could not be made, for its parent Task: error
   * {@code StepFunctions.<code>Exception}, cause {@code <message> (Service: AWSStepFunctions; ...)}.
   * Empty when no parent Task made the start.
   */
  public static Optional<TaskResult> failed(StartExecution start, String code, String message) {
    ParentExecution parent = start.parent();
    if (parent == null) {
      return Optional.empty();
    }
    return Optional.of(new TaskFailed(WireVersions.CURRENT, parent.executionArn(), parent.taskToken(),
        errorName(code), cause(code, message, requestId(parent))));
  }

  /** {@code StepFunctions.<code>Exception}: how a Task names a failed Step Functions API call. */
  public static String errorName(String code) {
    return "StepFunctions." + code + "Exception";
  }

  /** The AWS SDK's message of a failed Step Functions call, as the Task's cause shows it. */
  public static String cause(String code, String message, String requestId) {
    return message + " (Service: AWSStepFunctions; Status Code: 400; Error Code: " + code + "; Request ID: "
        + requestId + "; Proxy: null)";
  }

  private static TaskSucceeded succeeded(ParentExecution parent, String childArn, long startMillis) {
    ObjectNode result = NestedExecutions.started(childArn, startMillis);
    SdkMetadata.put(result, requestId(parent), SdkMetadata.AMZ_JSON_1_0, startMillis);
    return new TaskSucceeded(WireVersions.CURRENT, parent.executionArn(), parent.taskToken(), result);
  }

  /** One request id per parent Task attempt, so that an answer written again is the same answer. */
  private static String requestId(ParentExecution parent) {
    return UUID.nameUUIDFromBytes(("startExecution-request:" + parent.taskToken()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
