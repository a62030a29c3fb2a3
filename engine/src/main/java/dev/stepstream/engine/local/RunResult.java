package dev.stepstream.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import java.util.List;
import java.util.Objects;

/**
 * How a local run ended.
 *
 * @param status SUCCEEDED, FAILED, TIMED_OUT or ABORTED (never RUNNING)
 * @param output the execution output, or null when the execution did not succeed
 * @param error the error name, or null
 * @param cause the cause text, or null
 * @param history every history event the engine wrote, in order (empty when no execution started)
 */
public record RunResult(ExecutionStatus status, JsonNode output, String error, String cause, List<HistoryEvent> history) {
  public RunResult {
    Objects.requireNonNull(status, "status");
    history = List.copyOf(history);
  }

  /** A failure before or outside the execution (invalid definition or input, runaway loop ...). */
  public static RunResult failed(String error, String cause, List<HistoryEvent> history) {
    return new RunResult(ExecutionStatus.FAILED, null, error, cause, history);
  }

  /** {@code {"status","output","error","cause"}} in that order, null for absent values. */
  public JsonNode toJsonLine() {
    ObjectNode line = WireJson.mapper().createObjectNode();
    line.put("status", status.name());
    line.set("output", output == null ? line.nullNode() : output);
    line.put("error", error);
    line.put("cause", cause);
    return line;
  }
}
