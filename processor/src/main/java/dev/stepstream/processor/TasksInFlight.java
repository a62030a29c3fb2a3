package dev.stepstream.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks this instance dispatched and has no result for yet: task token -> task name and
 * dispatch time, so a result can be attributed to its task and timed. Bounded: beyond
 * {@code capacity} the oldest entries (tasks that timed out, or whose results went to another
 * instance after a rebalance) are forgotten; their results then go unmeasured.
 */
final class TasksInFlight {
  record InFlight(String taskName, long dispatchedAtMillis) {}

  private final Map<String, InFlight> byToken;

  TasksInFlight(int capacity) {
    this.byToken = new LinkedHashMap<>(256, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, InFlight> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void dispatched(String token, String taskName, long atMillis) {
    byToken.put(token, new InFlight(taskName, atMillis));
  }

  synchronized Optional<InFlight> finished(String token) {
    return Optional.ofNullable(byToken.remove(token));
  }

  synchronized int size() {
    return byToken.size();
  }
}
