package dev.stepstream.server.api.backend;

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

  /** Events with {@code fromId <= id <= toId}, ascending or descending, at most {@code limit}. */
  List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit);
}
