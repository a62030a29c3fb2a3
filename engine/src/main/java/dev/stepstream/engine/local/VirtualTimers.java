package dev.stepstream.engine.local;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The pending timers of one local run, in virtual time: due first, ties in the order they were
 * started. Cancelling removes a timer lazily. Not thread-safe (one per run).
 */
final class VirtualTimers {
  record Due(String timerId, long dueAtMillis) {}

  private record Entry(String timerId, long dueAtMillis, long order) {}

  private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.dueAtMillis != b.dueAtMillis
      ? Long.compare(a.dueAtMillis, b.dueAtMillis)
      : Long.compare(a.order, b.order));
  private final Map<String, Entry> live = new HashMap<>();
  private long started;

  void start(String timerId, long dueAtMillis) {
    Entry entry = new Entry(timerId, dueAtMillis, started++);
    live.put(timerId, entry);
    queue.add(entry);
  }

  void cancel(String timerId) {
    live.remove(timerId);
  }

  /** Removes and returns the next live timer, if any. */
  Optional<Due> pollNext() {
    while (!queue.isEmpty()) {
      Entry entry = queue.poll();
      if (live.get(entry.timerId) == entry) {
        live.remove(entry.timerId);
        return Optional.of(new Due(entry.timerId, entry.dueAtMillis));
      }
    }
    return Optional.empty();
  }
}
