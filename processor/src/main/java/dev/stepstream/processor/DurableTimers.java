package dev.stepstream.processor;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Execution timers in two stores: {@code timers}, keyed by zero-padded due time + ARN + timer id so
 * a range scan finds every due timer in order, and {@code timer-index}, keyed by ARN + timer id, so
 * a timer can be cancelled without knowing its due time. Both stores are changelogged, so timers
 * survive restarts and move with their partition.
 */
final class DurableTimers {
  static final String TIMERS_STORE = "timers";
  static final String INDEX_STORE = "timer-index";
  private static final char SEP = '|';

  private final KeyValueStore<String, String> byDueTime;
  private final KeyValueStore<String, Long> byId;
  /**
   * No timer is due before this: the due time of the first timer left by the last scan, lowered by
   * every timer started since (0 until the first scan, for the timers restored from the changelog).
   * Only this processor writes the store, so a punctuation before it opens no RocksDB iterator.
   */
  private long earliestDue;

  DurableTimers(KeyValueStore<String, String> byDueTime, KeyValueStore<String, Long> byId) {
    this.byDueTime = byDueTime;
    this.byId = byId;
  }

  /** A due timer: which execution and which of its timers. */
  record DueTimer(String executionArn, String timerId, long dueAtMillis) {}

  void start(String executionArn, String timerId, long dueAtMillis) {
    String id = executionArn + SEP + timerId;
    Long previous = byId.get(id);
    if (previous != null) {
      byDueTime.delete(dueKey(previous, id));
    }
    byId.put(id, dueAtMillis);
    byDueTime.put(dueKey(dueAtMillis, id), timerId);
    earliestDue = Math.min(earliestDue, dueAtMillis);
  }

  /**
   * A timer that is never cancelled, so it needs no {@code timer-index} entry: one store write
   * instead of two. Starting it again with another due time adds a second timer.
   */
  void startUncancellable(String executionArn, String timerId, long dueAtMillis) {
    byDueTime.put(dueKey(dueAtMillis, executionArn + SEP + timerId), timerId);
    earliestDue = Math.min(earliestDue, dueAtMillis);
  }

  void cancel(String executionArn, String timerId) {
    String id = executionArn + SEP + timerId;
    Long due = byId.get(id);
    if (due != null) {
      byId.delete(id);
      byDueTime.delete(dueKey(due, id));
    }
  }

  /** Removes and returns up to {@code limit} timers due at or before {@code nowMillis}, earliest first. */
  List<DueTimer> takeDue(long nowMillis, int limit) {
    List<DueTimer> due = new ArrayList<>();
    if (nowMillis < earliestDue) {
      return due;
    }
    earliestDue = Long.MAX_VALUE;
    try (KeyValueIterator<String, String> it = byDueTime.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> entry = it.next();
        DueTimer timer = parse(entry.key, entry.value);
        if (timer.dueAtMillis() > nowMillis || due.size() == limit) {
          earliestDue = timer.dueAtMillis();
          break;
        }
        due.add(timer);
      }
    }
    for (DueTimer t : due) {
      String id = t.executionArn() + SEP + t.timerId();
      byDueTime.delete(dueKey(t.dueAtMillis(), id));
      Long indexed = byId.get(id);
      if (indexed != null && indexed == t.dueAtMillis()) {
        byId.delete(id);
      }
    }
    return due;
  }

  private static DueTimer parse(String key, String timerId) {
    long due = Long.parseLong(key.substring(0, 13));
    String rest = key.substring(14);
    String arn = rest.substring(0, rest.length() - timerId.length() - 1);
    return new DueTimer(arn, timerId, due);
  }

  private static String dueKey(long dueAtMillis, String id) {
    return pad(dueAtMillis) + SEP + id;
  }

  static String pad(long millis) {
    String digits = Long.toString(millis);
    return "0".repeat(Math.max(0, 13 - digits.length())) + digits;
  }
}
