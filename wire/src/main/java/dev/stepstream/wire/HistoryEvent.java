package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One execution history event in the AWS shape. {@code detailsName} is the AWS member name of the
 * details object (for example {@code stateEnteredEventDetails}); both are null for events without
 * details (for example {@code ParallelStateStarted}).
 *
 * @param timestamp epoch milliseconds
 */
public record HistoryEvent(
    int version,
    String executionArn,
    long id,
    long previousEventId,
    long timestamp,
    String eventType,
    String detailsName,
    JsonNode details) implements WireRecord {

  public HistoryEvent {
    Require.version(version, "HistoryEvent");
    Require.text(executionArn, "HistoryEvent", "executionArn");
    Require.text(eventType, "HistoryEvent", "eventType");
    if (id < 1) {
      throw new IllegalArgumentException("HistoryEvent.id must be >= 1 but was " + id);
    }
  }
}
