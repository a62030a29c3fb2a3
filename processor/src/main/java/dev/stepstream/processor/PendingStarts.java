package dev.stepstream.processor;

import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Starts whose state machine is not (yet) in this instance's definitions store. The definitions
 * global store may lag a just-created state machine by a few milliseconds, so such a start is
 * parked and retried by the punctuator rather than lost; after {@link #GIVE_UP_MILLIS} it is
 * dead-lettered.
 */
final class PendingStarts {
  static final String STORE = "pending-starts";
  static final long GIVE_UP_MILLIS = 60_000;

  private final KeyValueStore<String, byte[]> store;

  PendingStarts(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  void park(StartExecution start) {
    store.put(start.executionArn(), WireJson.encode(start));
  }

  boolean isEmpty() {
    return store.approximateNumEntries() == 0 && !hasAny();
  }

  private boolean hasAny() {
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      return it.hasNext();
    }
  }

  /** Removes and returns every parked start. */
  List<StartExecution> takeAll() {
    List<StartExecution> starts = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        starts.add(WireJson.decode(entry.value, StartExecution.class));
      }
    }
    starts.forEach(s -> store.delete(s.executionArn()));
    return starts;
  }
}
