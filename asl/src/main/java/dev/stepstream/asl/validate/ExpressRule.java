package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.NOT_ALLOWED_IN_EXPRESS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.IntegrationPattern;
import dev.stepstream.asl.model.Resource;
import dev.stepstream.asl.model.ResourceKind;
import java.util.Optional;

/**
 * An EXPRESS state machine supports neither the {@code .sync} nor the {@code .waitForTaskToken}
 * pattern, nor activities (AWS docs, "Choosing workflow type"; AWS's wording recorded in LocalStack's
 * test_sfn_api_express snapshots), in any state of the definition, nested ones included.
 */
public final class ExpressRule implements ValidationRule {

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    if (!definition.express()) {
      return;
    }
    for (StateView state : definition.states()) {
      JsonNode resource = state.get("Resource");
      if ("Task".equals(state.type()) && resource.isTextual()) {
        refusal(Resource.parse(resource.textValue()))
            .ifPresent(message -> out.error(NOT_ALLOWED_IN_EXPRESS, state.pointer("Resource"), message));
      }
    }
  }

  private static Optional<String> refusal(Optional<Resource> parsed) {
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Resource resource = parsed.get();
    if (resource.kind() == ResourceKind.ACTIVITY) {
      return Optional.of(AwsMessages.EXPRESS_ACTIVITY);
    }
    if (resource.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      return Optional.of(AwsMessages.EXPRESS_WAIT_FOR_TASK_TOKEN);
    }
    if (resource.pattern() == IntegrationPattern.RUN_JOB) {
      return Optional.of(AwsMessages.EXPRESS_SYNC);
    }
    return Optional.empty();
  }
}
