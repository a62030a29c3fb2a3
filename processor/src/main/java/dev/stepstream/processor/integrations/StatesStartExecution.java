package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.task.NestedExecutions;
import dev.stepstream.engine.task.NestedStartAnswers;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.io.IOException;
import java.util.List;

/**
 * {@code arn:aws:states:::states:startExecution[.sync[:2]|.waitForTaskToken]}: writes a
 * {@link StartExecution} for the child to the commands topic, keyed by the child's ARN, so the child
 * runs on whichever instance owns that key. The child's name is the Name parameter or derived from the
 * task token ({@link NestedExecutions#childName}), so a request taken twice starts one child. Only
 * parameters that cannot make a start fail the Task here; the Task is otherwise answered by the
 * processor that takes the child's start (the {@link ParentExecution} in it): with
 * {@code {ExecutionArn, StartDate}} once a request-response child started, with the child's result when
 * a {@code .sync} child ends, or with AWS's error when the start cannot be made
 * ({@link NestedStartAnswers}: no such state machine, name taken).
 */
final class StatesStartExecution implements Integration {
  private final String commandsTopic;

  StatesStartExecution(String commandsTopic) {
    this.commandsTopic = commandsTopic;
  }

  @Override
  public Plan plan(Call call) {
    TaskRequest request = call.request();
    JsonNode params = request.input();
    try {
      String requestId = call.ids().get();
      JsonNode machine = params.get("StateMachineArn");
      if (machine == null || !machine.isTextual()) {
        throw failure("InvalidArn", "Invalid Arn: 'StateMachineArn' is required", requestId);
      }
      String childArn = NestedExecutions.childArn(params, request.taskToken()).orElseThrow(() ->
          failure("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + machine.asText() + "'",
              requestId));
      String name = NestedExecutions.childName(params, request.taskToken());
      if (name.length() > 80 || name.chars().anyMatch(Character::isWhitespace)) {
        throw failure("InvalidName", "Invalid Name: '" + name + "'", requestId);
      }
      StartExecution start = new StartExecution(WireVersions.CURRENT, childArn, machine.asText(), name,
          input(params.get("Input"), requestId), request.scheduledAt(), null, null,
          new ParentExecution(request.executionArn(), request.taskToken(), request.resource()));
      Outgoing command = new Outgoing(commandsTopic, childArn, WireJson.encode(start), List.of());
      // Not sent (the runner leaves states:startExecution Tasks to the child's processor); kept for callers.
      return new Plan(List.of(command), written -> new Outcome.Succeeded(NestedExecutions.started(childArn,
          request.scheduledAt())));
    } catch (IntegrationFailure e) {
      return Plan.failed(e);
    }
  }

  /** The child's input: {@code Input} as JSON, or the JSON a string holds; none is {@code {}}. */
  private static JsonNode input(JsonNode input, String requestId) {
    if (input == null || input.isNull()) {
      return AwsShapes.object();
    }
    if (!input.isTextual()) {
      return input;
    }
    try {
      return WireJson.mapper().readTree(input.textValue());
    } catch (IOException e) {
      throw failure("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + input.textValue() + "'",
          requestId);
    }
  }

  /** AWS's error of a failed StartExecution call: {@code StepFunctions.<code>Exception}, the SDK's cause text. */
  private static IntegrationFailure failure(String code, String message, String requestId) {
    return new IntegrationFailure(NestedStartAnswers.errorName(code), NestedStartAnswers.cause(code, message, requestId));
  }
}
