package dev.stepstream.processor;

import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
  private final Predicate<String> defined;
  private final DeadLetters deadLetters;

  /** @param defined whether a state machine ARN has a usable definition here now */
  PendingStarts(KeyValueStore<String, byte[]> store, Predicate<String> defined, DeadLetters deadLetters) {
    this.store = store;
    this.defined = defined;
    this.deadLetters = deadLetters;
  }

  /**
   * Parks {@code input} when it starts a new execution of a state machine not known here yet.
   *
   * @return true when parked (the caller does not apply it now)
   */
  boolean parkIfUndefined(WireRecord input) {
    if (input instanceof StartExecution start && !defined.test(start.stateMachineArn())) {
      store.put(start.executionArn(), WireJson.encode(start));
      return true;
    }
    return false;
  }

  /**
   * Hands every parked start whose state machine has arrived to {@code apply}, dead-letters those
   * parked for longer than {@link #GIVE_UP_MILLIS}, and keeps the others parked.
   */
  void retry(long nowMillis, Consumer<StartExecution> apply) {
    if (isEmpty()) {
      return;
    }
    for (StartExecution start : takeAll()) {
      if (defined.test(start.stateMachineArn())) {
        apply.accept(start);
      } else if (nowMillis - start.requestedAt() > GIVE_UP_MILLIS) {
        deadLetters.send(start.executionArn(), WireJson.encode(start),
            "state machine " + start.stateMachineArn() + " does not exist", nowMillis);
      } else {
        store.put(start.executionArn(), WireJson.encode(start));
      }
    }
  }

  private boolean isEmpty() {
    if (store.approximateNumEntries() > 0) {
      return false;
    }
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      return !it.hasNext();
    }
  }

  private List<StartExecution> takeAll() {
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
