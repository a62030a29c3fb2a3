package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.Resource;

/**
 * Task: Resource is required and an ARN ({@code arn:<partition>:<service>:<region>:<account>:<resource>};
 * the partition must be an AWS one, region and account are not checked so placeholders pass). TimeoutSeconds and HeartbeatSeconds are
 * positive integers (at most 99999999), each exclusive with its {@code *Path} twin, and a fixed
 * heartbeat must be smaller than the (fixed or default 99999999) timeout.
 */
public final class TaskRule implements ValidationRule {
  private static final long MAX_SECONDS = 99_999_999L;

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      if ("Task".equals(state.type())) {
        checkResource(state, out);
        checkTimeouts(state, out);
      }
    }
  }

  private void checkResource(StateView state, Diagnostics out) {
    JsonNode resource = state.get("Resource");
    if (resource.isMissingNode()) {
      out.error(MISSING_REQUIRED_FIELD, state.pointer(), "A Task state must have a 'Resource' field");
    } else if (resource.isTextual() && !recognized(resource.textValue())) {
      out.error(INVALID_ARN, state.pointer("Resource"), AwsMessages.resourceNotRecognized(resource.textValue()));
    }
  }

  /** An ARN Resource.parse accepts, in an AWS partition (aws, aws-cn, aws-us-gov, aws-iso-b, ...). */
  private static boolean recognized(String arn) {
    return Resource.parse(arn).isPresent() && arn.split(":", 3)[1].matches("aws(-[a-z]+)*");
  }

  private void checkTimeouts(StateView state, Diagnostics out) {
    ExclusiveFields.atMostOne(state, out, "TimeoutSeconds", "TimeoutSecondsPath");
    ExclusiveFields.atMostOne(state, out, "HeartbeatSeconds", "HeartbeatSecondsPath");
    JsonNode timeout = state.get("TimeoutSeconds");
    JsonNode heartbeat = state.get("HeartbeatSeconds");
    boolean timeoutOk = positive(state, "TimeoutSeconds", timeout, out);
    boolean heartbeatOk = positive(state, "HeartbeatSeconds", heartbeat, out);
    if (heartbeatOk && heartbeat.isNumber() && !state.has("TimeoutSecondsPath")) {
      long limit = timeoutOk && timeout.isNumber() ? timeout.longValue() : timeout.isMissingNode() ? MAX_SECONDS : Long.MAX_VALUE;
      if (heartbeat.longValue() >= limit) {
        out.error(INVALID_VALUE, state.pointer("HeartbeatSeconds"), "HeartbeatSeconds must be smaller than TimeoutSeconds (" + limit + ")");
      }
    }
  }

  private static boolean positive(StateView state, String field, JsonNode value, Diagnostics out) {
    if (!value.isNumber()) {
      return false;
    }
    if (!JsonTypes.isIntegerBetween(value, 1, MAX_SECONDS)) {
      out.error(INVALID_VALUE, state.pointer(field), field + " must be a positive integer (at most " + MAX_SECONDS + ")");
      return false;
    }
    return true;
  }
}
