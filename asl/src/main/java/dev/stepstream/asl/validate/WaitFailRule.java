package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.INVALID_VALUE;
import static dev.stepstream.asl.validate.DiagnosticCodes.MISSING_REQUIRED_FIELD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.choice.Timestamps;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;

/**
 * Wait: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath (JSONata: Seconds or
 * Timestamp); Seconds is a non-negative integer, Timestamp an RFC 3339 timestamp, unless JSONata
 * computes them. Fail: Error/ErrorPath and Cause/CausePath are each mutually exclusive.
 */
public final class WaitFailRule implements ValidationRule {
  private static final long MAX_WAIT_SECONDS = 99_999_999L;

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      if ("Wait".equals(state.type())) {
        checkWait(state, out);
      } else if ("Fail".equals(state.type())) {
        ExclusiveFields.atMostOne(state, out, "Error", "ErrorPath");
        ExclusiveFields.atMostOne(state, out, "Cause", "CausePath");
      }
    }
  }

  private void checkWait(StateView state, Diagnostics out) {
    int present = ExclusiveFields.atMostOne(state, out, "Seconds", "SecondsPath", "Timestamp", "TimestampPath");
    if (present == 0) {
      String options = state.jsonata() ? "Seconds or Timestamp" : "Seconds, SecondsPath, Timestamp or TimestampPath";
      out.error(MISSING_REQUIRED_FIELD, state.pointer(), "A Wait state needs one of " + options);
    }
    JsonNode seconds = state.get("Seconds");
    if (seconds.isNumber() && !JsonTypes.isIntegerBetween(seconds, 0, MAX_WAIT_SECONDS)) {
      out.error(INVALID_VALUE, state.pointer("Seconds"), "Seconds must be an integer from 0 to " + MAX_WAIT_SECONDS);
    }
    JsonNode timestamp = state.get("Timestamp");
    if (timestamp.isTextual() && !(state.jsonata() && JsonTypes.isJsonata(timestamp)) && !Timestamps.isTimestamp(timestamp.textValue())) {
      out.error(INVALID_VALUE, state.pointer("Timestamp"), AwsMessages.NOT_A_TIMESTAMP);
    }
  }
}
