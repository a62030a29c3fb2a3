package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.Asl;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.asl.diag.Diagnostic;
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
   * constraint). Rules for one machine type belong here, so that run-local applies them too.
   *
   * @param type STANDARD or EXPRESS (the API has no rule for one type only yet)
   */
  public static JsonNode definition(String definition, String type) {
    RequestFields.checkLength("definition", definition, StateMachineOps.MAX_DEFINITION_LENGTH);
    ValidationResult result = Asl.compile(definition);
    if (!result.isValid()) {
      String problems = result.errors().stream().map(Admission::describe).collect(Collectors.joining(", "));
      throw new AwsException(AwsErrors.INVALID_DEFINITION, "Invalid State Machine Definition: '" + problems + "'");
    }
    return AwsJson.parse(definition).orElseThrow();
  }

  /** The parsed input, or the AwsException the API answers for it (InvalidExecutionInput, or a length constraint). */
  public static JsonNode executionInput(String input) {
    RequestFields.checkLength("input", input, ExecutionOps.MAX_PAYLOAD);
    return AwsJson.parse(input).orElseThrow(() -> new AwsException(AwsErrors.INVALID_EXECUTION_INPUT,
        "Invalid State Machine Execution Input: 'Unexpected content: not valid JSON'"));
  }

  private static String describe(Diagnostic d) {
    return d.code() + ": " + d.message() + " at " + (d.location().isEmpty() ? "/" : d.location());
  }
}
