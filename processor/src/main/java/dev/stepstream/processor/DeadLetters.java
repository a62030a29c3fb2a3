package dev.stepstream.processor;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.util.Base64;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends input that cannot be decoded or applied to the dead-letter topic, with the reason and where
 * it was read, so that a bad record neither stops the stream thread nor disappears silently.
 */
final class DeadLetters {
  /** Longer reasons (a stack trace's message, say) are cut to this many characters. */
  static final int MAX_REASON_CHARS = 4_000;
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  /**
   * Where the record being dead-lettered was read. Partition and offset are -1 when it did not
   * come straight from a topic (a parked start retried by the punctuator).
   */
  record Origin(String topic, int partition, long offset) {}

  private final RecordSink sink;
  private final ProcessorMetrics metrics;
  private final Supplier<Origin> origin;
  private final LongSupplier clock;

  /**
   * @param origin where the record being processed now was read
   * @param clock the letter's time (the processor's system time)
   */
  DeadLetters(RecordSink sink, ProcessorMetrics metrics, Supplier<Origin> origin, LongSupplier clock) {
    this.sink = sink;
    this.metrics = metrics;
    this.origin = origin;
    this.clock = clock;
  }

  /**
   * Dead-letters one record under its original key.
   *
   * @param value the original bytes (kept as they were, base64 in the letter); may be null
   * @param timestamp the timestamp of the dead-letter record
   */
  void send(String key, byte[] value, String reason, long timestamp) {
    metrics.deadLettered();
    LOG.warn("Dead-lettering record with key {}: {}", key, reason);
    Origin from = origin.get();
    DeadLetter letter = new DeadLetter(
        WireVersions.CURRENT,
        from.topic(),
        from.partition(),
        from.offset(),
        key,
        value == null ? null : Base64.getEncoder().encodeToString(value),
        reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason,
        clock.getAsLong());
    sink.send(RecordSink.Topic.DEAD_LETTERS, key, WireJson.encode(letter), timestamp);
  }
}
