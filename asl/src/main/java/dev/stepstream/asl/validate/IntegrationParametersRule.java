package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.MISSING_REQUIRED_FIELD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * The optimized integrations Stepstream runs or maps need the request fields their API requires, in
 * Parameters (JSONPath: {@code Name} or {@code Name.$}) or Arguments (JSONata). Required fields, from
 * each API reference: Lambda Invoke FunctionName; Step Functions StartExecution StateMachineArn; SNS
 * Publish Message (TopicArn, TargetArn and PhoneNumber are each optional there, so SNS, not the
 * definition, refuses a publish with none); SQS SendMessage QueueUrl and MessageBody; EventBridge
 * PutEvents Entries; HTTP Task ApiEndpoint, Method and Authentication ("HTTP Task fields"). Arguments
 * given as one JSONata expression cannot be checked before run time.
 */
public final class IntegrationParametersRule implements ValidationRule {
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "lambda:invoke", List.of("FunctionName"),
      "states:startExecution", List.of("StateMachineArn"),
      "sns:publish", List.of("Message"),
      "sqs:sendMessage", List.of("QueueUrl", "MessageBody"),
      "events:putEvents", List.of("Entries"),
      "http:invoke", List.of("ApiEndpoint", "Method", "Authentication"));

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      JsonNode resource = state.get("Resource");
      if (!"Task".equals(state.type()) || !resource.isTextual()) {
        continue;
      }
      List<String> required = Resource.parse(resource.textValue())
          .map(r -> REQUIRED.getOrDefault(r.shortName(), List.of()))
          .orElse(List.of());
      if (!required.isEmpty()) {
        checkPayload(state, required, out);
      }
    }
  }

  private void checkPayload(StateView state, List<String> required, Diagnostics out) {
    String field = state.jsonata() ? "Arguments" : "Parameters";
    JsonNode payload = state.get(field);
    if (!payload.isMissingNode() && !payload.isObject()) {
      return;
    }
    for (String name : required) {
      boolean present = payload.has(name) || (!state.jsonata() && payload.has(name + ".$"));
      if (!present) {
        out.error(MISSING_REQUIRED_FIELD, state.pointer(field), AwsMessages.fieldRequired(name));
      }
    }
  }
}
