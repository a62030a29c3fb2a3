package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.AslOptions;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.AwsDiagnostic;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.RequestFields;
import java.util.stream.Collectors;

/**
 * The checks the API makes of a definition (CreateStateMachine, UpdateStateMachine) and of an
 * execution input (StartExecution, StartSyncExecution), with the API's errors and messages. The
 * API and {@code run-local} both call these, so a run-local rejection always carries the API's text.
 */
public final class Admission {
  private Admission() {}

  /**
   * The parsed definition, or the AwsException the API answers for it (InvalidDefinition, or a length
   * constraint). The message is AWS's: {@code Invalid State Machine Definition: '<problems>'}, each
   * problem {@code CODE: message at location} ({@code at null} without a location) and several joined
   * with ", " (AWS output quoted in localstack/localstack#11978 and serverless-step-functions#250).
   *
   * @param type STANDARD or EXPRESS; EXPRESS machines refuse .sync, .waitForTaskToken and activities
   */
  public static JsonNode definition(String definition, String type) {
    RequestFields.checkLength("definition", definition, StateMachineOps.MAX_DEFINITION_LENGTH);
    ValidationResult result = Asl.compile(definition, AslOptions.defaults().withType(type));
    if (!result.isValid()) {
      throw new AwsException(AwsErrors.INVALID_DEFINITION, definitionMessage(result));
    }
    return AwsJson.parse(definition).orElseThrow();
  }

  /**
   * The parsed input, or the AwsException the API answers for it (InvalidExecutionInput, or a length
   * constraint). As on AWS (LocalStack's test_sfn_api snapshot, recorded on AWS), the message quotes
   * the JSON parser ({@code Invalid State Machine Execution Input: 'Unrecognized token 'not': was
   * expecting ...'}) and an empty input is {@code 'Invalid execution input.'}.
   */
  public static JsonNode executionInput(String input) {
    RequestFields.checkLength("input", input, ExecutionOps.MAX_PAYLOAD);
    try {
      JsonNode node = AwsJson.mapper().readTree(input);
      if (node == null || node.isMissingNode()) {
        throw invalidInput("Invalid execution input.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw invalidInput(e.getOriginalMessage());
    }
  }

  private static AwsException invalidInput(String reason) {
    return new AwsException(AwsErrors.INVALID_EXECUTION_INPUT, "Invalid State Machine Execution Input: '" + reason + "'");
  }

  /** AWS's InvalidDefinition message for a result with errors. */
  static String definitionMessage(ValidationResult result) {
    String problems = AwsDiagnostic.inAwsOrder(result.errors()).stream()
        .map(AwsDiagnostic::inline)
        .collect(Collectors.joining(", "));
    return "Invalid State Machine Definition: '" + problems + "'";
  }
}
