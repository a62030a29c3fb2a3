package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.task.NestedExecutions;
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
 * task token ({@link NestedExecutions#childName}), so a request taken twice starts one child. The
 * request-response result is {@code {ExecutionArn, StartDate}} plus the SDK metadata; a {@code .sync}
 * child answers its parent itself when it ends (the {@link ParentExecution} in its start).
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
      return new Plan(List.of(command), written -> {
        ObjectNode result = NestedExecutions.started(childArn, request.scheduledAt());
        AwsShapes.putSdkMetadata(result, requestId, "application/x-amz-json-1.0", call.nowMillis());
        return new Outcome.Succeeded(result);
      });
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
    return new IntegrationFailure("StepFunctions." + code + "Exception", message
        + " (Service: AWSStepFunctions; Status Code: 400; Error Code: " + code + "; Request ID: " + requestId
        + "; Proxy: null)");
  }
}
