package dev.stepstream.engine.states;

import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import dev.stepstream.engine.runtime.Frame;
import java.util.Set;

/** The AWS runtime prefix for data-flow failures. */
public final class Causes {
  /**
   * Errors AWS reports with "An error occurred while executing the state ..." in front of the cause:
   * failures of the state's own data flow (paths, templates, intrinsics, JSONata).
   */
  private static final Set<String> PREFIXED = Set.of(ErrorNames.RUNTIME, ErrorNames.PARAMETER_PATH_FAILURE,
      ErrorNames.RESULT_PATH_MATCH_FAILURE, ErrorNames.INTRINSIC_FAILURE, ErrorNames.QUERY_EVALUATION_ERROR);

  private Causes() {}

  public static String prefixed(Frame f, AslException e) {
    if (f == null || !PREFIXED.contains(e.error())) {
      return e.causeText();
    }
    return "An error occurred while executing the state '" + f.stateName() + "' (entered at the event id #"
        + f.enteredEventId() + "). " + e.causeText();
  }
}
