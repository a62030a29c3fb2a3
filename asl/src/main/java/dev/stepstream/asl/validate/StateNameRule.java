package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.DUPLICATE_STATE_NAME;
import static dev.stepstream.asl.validate.DiagnosticCodes.INVALID_VALUE;
import static dev.stepstream.asl.validate.DiagnosticCodes.STATE_NAME_TOO_LONG;

import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import java.util.HashMap;
import java.util.Map;

/**
 * State names are 1 to 80 characters and unique across the whole definition, nested Parallel
 * branches and Map ItemProcessors included (AWS rejects a name reused in another scope).
 */
public final class StateNameRule implements ValidationRule {
  public static final int MAX_NAME_LENGTH = 80;

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    Map<String, String> firstSeenAt = new HashMap<>();
    for (StateView state : definition.states()) {
      String name = state.name();
      if (name.isEmpty()) {
        out.error(INVALID_VALUE, state.pointer(), "A state name must not be empty");
      } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
        out.error(STATE_NAME_TOO_LONG, state.pointer(), "State name exceeds " + MAX_NAME_LENGTH + " characters");
      }
      String first = firstSeenAt.putIfAbsent(name, state.pointer());
      if (first != null) {
        out.error(DUPLICATE_STATE_NAME, state.pointer(), AwsMessages.duplicateStateName(name));
      }
    }
  }
}
