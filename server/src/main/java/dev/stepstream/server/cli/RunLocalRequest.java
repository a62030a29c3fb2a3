package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.local.LocalRunner;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.ops.Admission;
import dev.stepstream.wire.WireJson;

/**
 * One run-local request: REJECTED when the API would refuse the definition (CreateStateMachine) or
 * the input (StartExecution), with the API's message as the cause; otherwise the local run's result.
 *
 * @param input the execution input as JSON text; null means {@code {}}
 * @param testCase the mock test case, or null
 * @param type STANDARD or EXPRESS
 */
record RunLocalRequest(String definition, String input, String testCase, String type) {
  static final String REJECTED = "REJECTED";

  /** {@code {"status","output","error","cause"}}, as {@link dev.stepstream.engine.local.RunResult#toJsonLine}. */
  ObjectNode resultLine(LocalRunner runner) {
    try {
      Admission.definition(definition, type);
    } catch (AwsException e) {
      return rejected(AwsErrors.INVALID_DEFINITION, e.getMessage());
    }
    if (input != null) {
      try {
        Admission.executionInput(input);
      } catch (AwsException e) {
        return rejected(AwsErrors.INVALID_EXECUTION_INPUT, e.getMessage());
      }
    }
    return (ObjectNode) runner.run(definition, input, testCase, type).toJsonLine();
  }

  private static ObjectNode rejected(String error, String cause) {
    ObjectNode line = WireJson.mapper().createObjectNode();
    line.put("status", REJECTED);
    line.putNull("output");
    line.put("error", error);
    line.put("cause", cause);
    return line;
  }
}
