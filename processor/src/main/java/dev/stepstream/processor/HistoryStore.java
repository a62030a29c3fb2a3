package dev.stepstream.processor;

import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The {@code history} state store: every history event the processor forwards, keyed by execution
 * ARN + {@code #} + the zero-padded event id, so one execution's events form one ordered key range.
 * ('#' cannot occur in AWS execution names, so one ARN's range never covers another's.)
 */
public final class HistoryStore {
  public static final String STORE = "history";
  private static final String SEPARATOR = "#";
  private static final int ID_DIGITS = 10;
  private static final long MAX_ID = 9_999_999_999L;

  private HistoryStore() {}

  static String key(String executionArn, long eventId) {
    String digits = Long.toString(eventId);
    return executionArn + SEPARATOR + "0".repeat(Math.max(0, ID_DIGITS - digits.length())) + digits;
  }

  /**
   * Events of one execution with {@code fromId <= id <= toId}, in id order (or reverse), at most
   * {@code limit} of them.
   */
  static List<HistoryEvent> range(
      ReadOnlyKeyValueStore<String, byte[]> store, String executionArn, long fromId, long toId, boolean reverse,
      int limit) {
    List<HistoryEvent> events = new ArrayList<>();
    if (limit <= 0 || fromId > toId) {
      return events;
    }
    String from = key(executionArn, Math.max(0, fromId));
    String to = key(executionArn, Math.min(MAX_ID, toId));
    try (KeyValueIterator<String, byte[]> it = reverse ? store.reverseRange(from, to) : store.range(from, to)) {
      while (it.hasNext() && events.size() < limit) {
        KeyValue<String, byte[]> next = it.next();
        events.add(WireJson.decode(next.value, HistoryEvent.class));
      }
    }
    return events;
  }

  /** Deletes every event of one execution. */
  static void deleteAll(KeyValueStore<String, byte[]> store, String executionArn) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.range(key(executionArn, 0), key(executionArn, MAX_ID))) {
      while (it.hasNext()) {
        keys.add(it.next().key);
      }
    }
    keys.forEach(store::delete);
  }
}
