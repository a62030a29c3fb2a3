package dev.stepstream.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive history events of one execution, written by one transition of the processor: the
 * value of each record on the {@code history} topic. One record per transition instead of one per
 * event is what keeps a busy processor's output small; the entries leave out what the batch already
 * says (record type, version, execution ARN). Readers flatten the batches ({@link #eventsOf(byte[])}),
 * and event ids stay dense and ordered across them.
 */
public record HistoryBatch(int version, String executionArn, List<Entry> events) implements WireRecord {

  /** One event of the batch: a {@link HistoryEvent} without the fields the batch holds. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(long id, long previousEventId, long timestamp, String eventType, String detailsName,
      JsonNode details, List<String> workerOutput) {

    public Entry {
      Require.text(eventType, "HistoryBatch entry", "eventType");
      if (id < 1) {
        throw new IllegalArgumentException("HistoryBatch entry id must be >= 1 but was " + id);
      }
      workerOutput = workerOutput == null || workerOutput.isEmpty() ? null : List.copyOf(workerOutput);
    }

    /** An entry without worker output. */
    public Entry(long id, long previousEventId, long timestamp, String eventType, String detailsName, JsonNode details) {
      this(id, previousEventId, timestamp, eventType, detailsName, details, null);
    }

    static Entry of(HistoryEvent event) {
      return new Entry(event.id(), event.previousEventId(), event.timestamp(), event.eventType(), event.detailsName(),
          event.details(), event.workerOutput());
    }
  }

  public HistoryBatch {
    Require.version(version, "HistoryBatch");
    Require.text(executionArn, "HistoryBatch", "executionArn");
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("HistoryBatch.events must hold at least one event");
    }
    events = List.copyOf(events);
  }

  /** A batch of events that must all belong to {@code executionArn}. */
  public static HistoryBatch of(String executionArn, List<HistoryEvent> events) {
    List<Entry> entries = new ArrayList<>(events.size());
    for (HistoryEvent event : events) {
      if (!event.executionArn().equals(executionArn)) {
        throw new IllegalArgumentException("HistoryBatch.events must all belong to " + executionArn
            + " but event " + event.id() + " belongs to " + event.executionArn());
      }
      entries.add(Entry.of(event));
    }
    return new HistoryBatch(WireVersions.CURRENT, executionArn, entries);
  }

  /** The events, each with this batch's execution ARN. */
  @JsonIgnore
  public List<HistoryEvent> historyEvents() {
    List<HistoryEvent> out = new ArrayList<>(events.size());
    for (Entry e : events) {
      out.add(new HistoryEvent(WireVersions.CURRENT,
          executionArn, e.id(), e.previousEventId(), e.timestamp(), e.eventType(),
          e.detailsName(), e.details(), e.workerOutput()));
    }
    return out;
  }

  /**
   * The events in one {@code history} topic value: a {@code HistoryBatch}, or a single
   * {@code HistoryEvent} as written before batches existed.
   *
   * @throws WireFormatException when the value is neither
   */
  public static List<HistoryEvent> eventsOf(byte[] value) {
    WireRecord record = WireJson.decode(value, WireRecord.class);
    if (record instanceof HistoryBatch batch) {
      return batch.historyEvents();
    }
    if (record instanceof HistoryEvent event) {
      return List.of(event);
    }
    throw new WireFormatException("a history value must be a HistoryBatch or a HistoryEvent, not "
        + record.getClass().getSimpleName(), null);
  }
}
