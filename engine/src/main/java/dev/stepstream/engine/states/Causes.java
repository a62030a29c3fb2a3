package dev.stepstream.engine.states;

import dev.stepstream.asl.eval.AslException;
import dev.stepstream.asl.eval.ErrorNames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.model.MapState;
import dev.stepstream.engine.runtime.Frame;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Run;
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

  /**
   * AWS records a JSONata failure as an EvaluationFailed event ({@code cause}, {@code error},
   * {@code location} when known, {@code state}); a Map state that fails before its iterations start
   * then records MapStateFailed (LocalStack's AWS-validated scenarios/test_base_scenarios:
   * MapStateEntered, EvaluationFailed, MapStateFailed, ExecutionFailed).
   */
  static void evaluationFailed(Run run, Frame f, AslException e, String cause) {
    ObjectNode details = Json.NODES.objectNode();
    details.put("cause", cause);
    details.put("error", e.error());
    if (e.location() != null) {
      details.put("location", e.location());
    }
    details.put("state", f.stateName());
    run.emitFor(f, "EvaluationFailed", "evaluationFailedEventDetails", details);
    if (run.state(f) instanceof MapState && f.iterations() == null) {
      run.emitFor(f, "MapStateFailed", null, null);
    }
  }

  public static String prefixed(Frame f, AslException e) {
    if (f == null || !PREFIXED.contains(e.error())) {
      return e.causeText();
    }
    return "An error occurred while executing the state '" + f.stateName() + "' (entered at the event id #"
        + f.enteredEventId() + "). " + e.causeText();
  }
}
