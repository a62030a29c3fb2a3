package dev.stepstream.processor;

import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryBatchWriter;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The {@code history} state store: every history event the processor forwards, in chunks. One chunk
 * holds the consecutive events of one {@code apply} (split when it grows past {@link #CHUNK_BYTES})
 * as the very {@code HistoryBatch} bytes forwarded to the history topic, keyed by execution ARN +
 * {@code #} + the zero-padded id of its first event, so one execution's chunks form one ordered key
 * range. One put (and one topic record) per apply instead of one per event is what keeps the hot
 * path cheap. ('#' cannot occur in AWS execution names, so one ARN's range never covers another's.)
 * Values of the earlier layouts (a single event object, a JSON array of events) are still read.
 */
public final class HistoryStore {
  public static final String STORE = "history";
  /** Well under the default 1 MB record size of the store's changelog. */
  static final int CHUNK_BYTES = 256 * 1024;
  private static final String SEPARATOR = "#";
  private static final int ID_DIGITS = 10;
  private static final long MAX_ID = 9_999_999_999L;

  private HistoryStore() {}

  static String key(String executionArn, long eventId) {
    String digits = Long.toString(eventId);
    return executionArn + SEPARATOR + "0".repeat(Math.max(0, ID_DIGITS - digits.length())) + digits;
  }

  /** One history record: the store key and the {@code HistoryBatch} bytes (also the history topic value). */
  record Chunk(String key, byte[] value) implements Outputs.Output {}

  /**
   * Consecutive events of one execution as {@code HistoryBatch} records, each at most
   * {@link #CHUNK_BYTES} unless it holds a single larger event.
   */
  static List<Chunk> chunks(String executionArn, List<HistoryEvent> events) {
    List<Chunk> chunks = new ArrayList<>(1);
    addChunks(executionArn, events, chunks);
    return chunks;
  }

  private static void addChunks(String executionArn, List<HistoryEvent> events, List<Chunk> chunks) {
    byte[] value = HistoryBatchWriter.encode(executionArn, events);
    if (value.length <= CHUNK_BYTES || events.size() == 1) {
      chunks.add(new Chunk(key(executionArn, events.get(0).id()), value));
      return;
    }
    int half = events.size() / 2;
    addChunks(executionArn, events.subList(0, half), chunks);
    addChunks(executionArn, events.subList(half, events.size()), chunks);
  }

  /** Stores one chunk (see {@link #chunks}). */
  static void put(KeyValueStore<String, byte[]> store, Chunk chunk) {
    store.put(chunk.key(), chunk.value());
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
    long from = Math.max(0, fromId);
    long to = Math.min(MAX_ID, toId);
    if (reverse) {
      try (KeyValueIterator<String, byte[]> it = store.reverseRange(key(executionArn, 0), key(executionArn, to))) {
        collectReversed(it, from, to, limit, events);
      }
      return events;
    }
    // The chunk holding fromId is the last one starting at or before it.
    try (KeyValueIterator<String, byte[]> it = store.reverseRange(key(executionArn, 0), key(executionArn, from))) {
      if (it.hasNext()) {
        collect(it.next().value, from, to, limit, events);
      }
    }
    if (from < MAX_ID && events.size() < limit) {
      try (KeyValueIterator<String, byte[]> it = store.range(key(executionArn, from + 1), key(executionArn, to))) {
        while (it.hasNext() && events.size() < limit) {
          collect(it.next().value, from, to, limit, events);
        }
      }
    }
    return events;
  }

  private static void collect(byte[] chunk, long from, long to, int limit, List<HistoryEvent> events) {
    for (HistoryEvent event : decode(chunk)) {
      long last = events.isEmpty() ? from - 1 : events.get(events.size() - 1).id();
      if (events.size() >= limit || event.id() > to) {
        return;
      }
      if (event.id() >= from && event.id() > last) {
        events.add(event);
      }
    }
  }

  private static void collectReversed(
      KeyValueIterator<String, byte[]> chunks, long from, long to, int limit, List<HistoryEvent> events) {
    while (chunks.hasNext() && events.size() < limit) {
      KeyValue<String, byte[]> chunk = chunks.next();
      HistoryEvent[] decoded = decode(chunk.value);
      for (int i = decoded.length - 1; i >= 0 && events.size() < limit; i--) {
        HistoryEvent event = decoded[i];
        long last = events.isEmpty() ? to + 1 : events.get(events.size() - 1).id();
        if (event.id() <= to && event.id() >= from && event.id() < last) {
          events.add(event);
        }
      }
      if (firstId(chunk.key) <= from) {
        return;
      }
    }
  }

  private static long firstId(String key) {
    return Long.parseLong(key, key.length() - ID_DIGITS, key.length(), 10);
  }

  private static HistoryEvent[] decode(byte[] chunk) {
    if (chunk.length > 0 && chunk[0] == '{') {
      return HistoryBatch.eventsOf(chunk).toArray(HistoryEvent[]::new);
    }
    try {
      return WireJson.mapper().readValue(chunk, HistoryEvent[].class);
    } catch (IOException e) {
      throw new WireFormatException("not a valid history chunk: " + e.getMessage(), e);
    }
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
