package dev.stepstream.processor;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import dev.stepstream.wire.WireVersions;
import java.util.ArrayList;
import java.util.Base64;
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
 * dead-lettered. A child's start (made by a parent's {@code states:startExecution} Task) waits only
 * {@link #CHILD_GRACE_MILLIS} from its request: then the parent is told, as AWS's StartExecution call
 * fails at once when the state machine does not exist.
 *
 * <p>Store format 2 (written now) keeps a parked start as the {@link DeadLetter} it becomes if its
 * state machine never arrives, so the letter names the topic, partition and offset the start was
 * read from. Format 1 (a bare {@link StartExecution}) is still read; its letter has no offset.
 */
final class PendingStarts {
  static final String STORE = "pending-starts";
  static final long GIVE_UP_MILLIS = 60_000;
  /** How long a child's start waits for its state machine, from the parent's request of it. */
  static final long CHILD_GRACE_MILLIS = 1_000;
  /** Starts up to this size are parked in format 2 (base64 makes them a third larger). */
  static final int MAX_ENVELOPED_BYTES = 512 * 1024;

  private final KeyValueStore<String, byte[]> store;
  private final Predicate<String> defined;
  private final DeadLetters deadLetters;
  private final Consumer<StartExecution> undefinedChild;
  /**
   * False once the store was seen empty and nothing was parked since: only this processor writes the
   * store, so the punctuator need not open a RocksDB iterator every time to find it empty. True at
   * first, for the starts restored from the changelog.
   */
  private boolean mayHoldStarts = true;

  /**
   * @param defined whether a state machine ARN has a usable definition here now
   * @param undefinedChild told of a child's start whose state machine did not arrive in time (it is
   *     then forgotten)
   */
  PendingStarts(KeyValueStore<String, byte[]> store, Predicate<String> defined, DeadLetters deadLetters,
      Consumer<StartExecution> undefinedChild) {
    this.store = store;
    this.defined = defined;
    this.deadLetters = deadLetters;
    this.undefinedChild = undefinedChild;
  }

  /**
   * Parks {@code input} when it starts a new execution of a state machine not known here yet; a
   * child's start past its grace is handed to the undefined-child handler instead.
   *
   * @return true when parked or handed over (the caller does not apply it now)
   */
  boolean parkIfUndefined(WireRecord input, long nowMillis) {
    if (input instanceof StartExecution start && !defined.test(start.stateMachineArn())) {
      if (childPastGrace(start, nowMillis)) {
        undefinedChild.accept(start);
      } else {
        park(new Parked(start, deadLetters.origin()));
      }
      return true;
    }
    return false;
  }

  private static boolean childPastGrace(StartExecution start, long nowMillis) {
    return start.parent() != null && nowMillis - start.requestedAt() >= CHILD_GRACE_MILLIS;
  }

  /**
   * Hands every parked start whose state machine has arrived to {@code apply}, a child's start past
   * its grace to the undefined-child handler, dead-letters those parked for longer than
   * {@link #GIVE_UP_MILLIS}, and keeps the others parked.
   */
  void retry(long nowMillis, Consumer<StartExecution> apply) {
    if (isEmpty()) {
      return;
    }
    for (Parked parked : takeAll()) {
      StartExecution start = parked.start();
      if (defined.test(start.stateMachineArn())) {
        apply.accept(start);
      } else if (childPastGrace(start, nowMillis)) {
        undefinedChild.accept(start);
      } else if (nowMillis - start.requestedAt() > GIVE_UP_MILLIS) {
        deadLetters.send(parked.origin(), start.executionArn(), WireJson.encode(start),
            "state machine " + start.stateMachineArn() + " does not exist", nowMillis);
      } else {
        park(parked);
      }
    }
  }

  /** A parked start and where it was read. */
  record Parked(StartExecution start, DeadLetters.Origin origin) {
    static final String REASON = "parked until its state machine exists";

    /**
     * Format 2, or format 1 for a start so large that its base64 envelope could outgrow the store's
     * changelog records (its letter then has no offset).
     */
    byte[] encode() {
      byte[] bare = WireJson.encode(start);
      if (bare.length > MAX_ENVELOPED_BYTES) {
        return bare;
      }
      return WireJson.encode(new DeadLetter(WireVersions.CURRENT, origin.topic(), origin.partition(), origin.offset(),
          start.executionArn(), Base64.getEncoder().encodeToString(bare), REASON, start.requestedAt()));
    }

    /** Reads format 2 (a {@link DeadLetter} envelope) and format 1 (the bare start, read from the commands topic). */
    static Parked decode(byte[] stored, String commandsTopic) {
      WireRecord record = WireJson.decode(stored, WireRecord.class);
      if (record instanceof DeadLetter letter) {
        StartExecution start = WireJson.decode(Base64.getDecoder().decode(letter.valueBase64()), StartExecution.class);
        return new Parked(start, new DeadLetters.Origin(letter.sourceTopic(), letter.partition(), letter.offset()));
      }
      return new Parked((StartExecution) record, new DeadLetters.Origin(commandsTopic, -1, -1));
    }
  }

  private void park(Parked parked) {
    store.put(parked.start().executionArn(), parked.encode());
    mayHoldStarts = true;
  }

  private boolean isEmpty() {
    if (!mayHoldStarts) {
      return true;
    }
    if (store.approximateNumEntries() > 0) {
      return false;
    }
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      mayHoldStarts = it.hasNext();
      return !mayHoldStarts;
    }
  }

  private List<Parked> takeAll() {
    List<Parked> starts = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        starts.add(Parked.decode(entry.value, deadLetters.origin().topic()));
      }
    }
    starts.forEach(s -> store.delete(s.start().executionArn()));
    return starts;
  }
}
