package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.runtime.MapRunCounts;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import java.util.List;
import java.util.Optional;

/**
 * What the API asks the processor about executions (interactive queries of the processor in this JVM,
 * routed to the owning instance when several share the partitions).
 */
public interface ExecutionQueries {
  /** The freshest summary of an execution this processor owns. */
  Optional<ExecutionSummary> summary(String executionArn);

  /**
   * The summary only if this instance can answer without asking another one (used to freshen
   * lists without one network call per listed execution); empty otherwise.
   */
  default Optional<ExecutionSummary> summaryIfLocal(String executionArn) {
    return summary(executionArn);
  }

  /**
   * Whether a task of the execution currently waits for {@code taskToken}: empty when this cannot be
   * told now (no processor here, or its stores are rebalancing), false when the execution is unknown.
   */
  default Optional<Boolean> holdsTask(String executionArn, String taskToken) {
    return Optional.empty();
  }

  /**
   * A Map Run's {@code {"itemCounts", "executionCounts"}} as its execution's state holds them (see
   * {@link MapRunCounts}); empty when they cannot be told now or the state holds no such Map Run.
   */
  default Optional<JsonNode> mapRunCounts(String executionArn, String mapRunArn) {
    return Optional.empty();
  }

  /** Whether a frame of {@code state} waits for a task with this token. */
  static boolean holdsTask(ExecutionState state, String taskToken) {
    return state.frames().values().stream().anyMatch(f -> f.task() != null && taskToken.equals(f.task().token()));
  }

  /** Events with {@code fromId <= id <= toId}, ascending or descending, at most {@code limit}. */
  List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit);
}
