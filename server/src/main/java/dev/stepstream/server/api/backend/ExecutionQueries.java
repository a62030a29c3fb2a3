package dev.stepstream.server.api.backend;

import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import java.util.List;
import java.util.Optional;

/**
 * What the API asks the processor about executions (interactive queries; in {@code dev} and
 * {@code serve} the processor runs in the same JVM).
 */
public interface ExecutionQueries {
  /** The freshest summary of an execution this processor owns. */
  Optional<ExecutionSummary> summary(String executionArn);

  /** Events with {@code fromId <= id <= toId}, ascending or descending, at most {@code limit}. */
  List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit);
}
