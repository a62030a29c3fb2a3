package dev.stepstream.asl.validate;

import static dev.stepstream.asl.validate.DiagnosticCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.AwsMessages;
import dev.stepstream.asl.diag.Diagnostics;
import java.util.Map;

/**
 * Pass, Task, Wait, Parallel and Map need exactly one of {@code Next} and {@code "End": true}
 * (Choice, Succeed and Fail take neither; StateFieldsRule reports them). Every Next, Default and
 * Choices/Catch Next names a state of the same scope: transitions never cross into or out of a
 * Parallel branch or Map ItemProcessor. AWS words every missing target the same way.
 */
public final class TransitionRule implements ValidationRule {

  @Override
  public void check(DefinitionView definition, Diagnostics out) {
    for (StateView state : definition.states()) {
      String type = state.type();
      if (type != null && FieldCatalog.STATE_TYPES.contains(type) && !FieldCatalog.transitionFixedByType(type)) {
        checkNextOrEnd(state, out);
      }
      checkTargets(state, out);
    }
  }

  private void checkNextOrEnd(StateView state, Diagnostics out) {
    boolean hasNext = state.has("Next");
    JsonNode end = state.get("End");
    boolean hasEnd = end.isBoolean() && end.booleanValue();
    if (hasNext && hasEnd) {
      out.error(CONFLICTING_FIELDS, state.pointer("End"), "A state cannot have both 'Next' and 'End': true");
    } else if (!hasNext && !hasEnd && (end.isMissingNode() || end.isBoolean())) {
      out.error(MISSING_TRANSITION, state.pointer(), "A " + state.type() + " state must have 'Next' or 'End': true");
    }
  }

  private void checkTargets(StateView state, Diagnostics out) {
    Map<String, JsonNode> sameScope = state.scope().states();
    for (Transitions.Target target : Transitions.of(state)) {
      if (sameScope.containsKey(target.stateName())) {
        continue;
      }
      out.error(MISSING_TRANSITION_TARGET, target.pointer(), AwsMessages.missingNextTarget(target.stateName()));
    }
  }
}
