package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One execution history event in the AWS shape. {@code detailsName} is the AWS member name of the
 * details object (for example {@code stateEnteredEventDetails}); both are null for events without
 * details (for example {@code ParallelStateStarted}).
 *
 * @param timestamp epoch milliseconds
 * @param workerOutput the lines the worker reported with the task result this event records
 *     (stderr of {@code stepstream worker -- cmd}, {@code ctx.log}); null when none. Not part of AWS's
 *     history: GetExecutionHistory leaves it out, the console and the logs endpoint show it.
 */
public record HistoryEvent(
    int version,
    String executionArn,
    long id,
    long previousEventId,
    long timestamp,
    String eventType,
    String detailsName,
    JsonNode details,
    List<String> workerOutput) implements WireRecord {

  public HistoryEvent {
    Require.version(version, "HistoryEvent");
    Require.text(executionArn, "HistoryEvent", "executionArn");
    Require.text(eventType, "HistoryEvent", "eventType");
    if (id < 1) {
      throw new IllegalArgumentException("HistoryEvent.id must be >= 1 but was " + id);
    }
    workerOutput = workerOutput == null || workerOutput.isEmpty() ? null : List.copyOf(workerOutput);
  }

  /** An event without worker output. */
  public HistoryEvent(int version, String executionArn, long id, long previousEventId, long timestamp, String eventType,
      String detailsName, JsonNode details) {
    this(version, executionArn, id, previousEventId, timestamp, eventType, detailsName, details, null);
  }

  /** This event with the worker's output lines attached. */
  public HistoryEvent withWorkerOutput(List<String> lines) {
    return new HistoryEvent(version, executionArn, id, previousEventId, timestamp, eventType, detailsName, details, lines);
  }
}
