package dev.stepstream.engine.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.engine.Definition;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.engine.runtime.Json;
import dev.stepstream.engine.runtime.Run;
import dev.stepstream.engine.states.Redrive;
import java.util.Optional;

/**
 * RedriveExecution: a FAILED, TIMED_OUT or ABORTED STANDARD execution continues from the states that
 * did not succeed, with the same input and ARN, redriveCount + 1 and an ExecutionRedriven event.
 */
public final class Redriving {
  /** AWS: executions can be redriven within 14 days after they stopped. */
  static final long REDRIVABLE_PERIOD_MILLIS = 14L * 24 * 60 * 60 * 1000;
  /** AWS: an execution may stay open for at most one year. */
  static final long MAX_EXECUTION_MILLIS = 365L * 24 * 60 * 60 * 1000;

  private Redriving() {}

  /**
   * Why the execution cannot be redriven (the redriveStatusReason texts of DescribeExecution, which
   * AWS returns with ExecutionNotRedrivable), or empty when it can.
   */
  public static Optional<String> notRedrivable(ExecutionState state, Definition definition, EngineOptions options,
      long now) {
    ExecutionStatus status = state.status();
    if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.SUCCEEDED) {
      return Optional.of("Execution is " + status + " and cannot be redriven");
    }
    if (!"STANDARD".equals(definition.type())) {
      return Optional.of("This operation is not supported by EXPRESS state machines");
    }
    if (state.frames().isEmpty()) {
      // Finished before the engine kept what a redrive needs.
      return Optional.of("Execution was started before the launch of RedriveExecution");
    }
    // The redrive writes at least ExecutionRedriven and one more event (AWS: fewer than 24,999 events).
    if (state.nextEventId() - 1 >= options.maxHistoryEvents() - 1) {
      return Optional.of("Execution history event limit exceeded");
    }
    if (now - state.startMillis() > MAX_EXECUTION_MILLIS) {
      return Optional.of("Execution has exceeded the max execution time");
    }
    if (state.stopMillis().isPresent() && now - state.stopMillis().get() > REDRIVABLE_PERIOD_MILLIS) {
      return Optional.of("Execution redrivable period exceeded");
    }
    return Optional.empty();
  }

  /** Redrives the execution; {@code redriveMillis} is its redriveDate. */
  public static void redrive(Run run, long redriveMillis) {
    run.header().redriven(redriveMillis);
    ObjectNode details = Json.NODES.objectNode().put("redriveCount", run.header().redriveCount());
    long id = run.emit("ExecutionRedriven", run.header().lastEventId(), "executionRedrivenEventDetails", details);
    // AWS resets the state machine TimeoutSeconds on redrive: it counts from the redrive.
    run.definition().machine().timeoutSeconds().ifPresent(seconds ->
        run.startExecutionTimer(run.now() + seconds * 1000L));
    run.publishSummary();
    Redrive.resumeFrames(run, id);
  }
}
