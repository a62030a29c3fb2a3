package dev.stepstream.processor;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.util.Arrays;
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
  /**
   * A letter keeps at most this many bytes of the original value, so that the letter (base64, a
   * third larger) stays well under Kafka's default 1 MiB record limit on the dead-letter topic; a
   * letter that could not be written would stop the stream thread on the same record forever.
   */
  static final int MAX_KEPT_VALUE_BYTES = 256 * 1024;
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
    send(origin(), key, value, reason, timestamp);
  }

  /** Where the record being processed now was read. */
  Origin origin() {
    return origin.get();
  }

  /** Dead-letters a record read earlier, at {@code from}. */
  void send(Origin from, String key, byte[] value, String reason, long timestamp) {
    metrics.deadLettered();
    LOG.warn("Dead-lettering record with key {}: {}", key, reason);
    String why = cut(reason, MAX_REASON_CHARS);
    byte[] kept = value;
    if (value != null && value.length > MAX_KEPT_VALUE_BYTES) {
      String note = " (the value was " + value.length + " bytes; this letter keeps the first " + MAX_KEPT_VALUE_BYTES + ")";
      why = cut(reason, MAX_REASON_CHARS - note.length()) + note;
      kept = Arrays.copyOf(value, MAX_KEPT_VALUE_BYTES);
    }
    DeadLetter letter = new DeadLetter(
        WireVersions.CURRENT,
        from.topic(),
        from.partition(),
        from.offset(),
        key,
        kept == null ? null : Base64.getEncoder().encodeToString(kept),
        why,
        clock.getAsLong());
    sink.send(RecordSink.Topic.DEAD_LETTERS, key, WireJson.encode(letter), timestamp);
  }

  private static String cut(String text, int maxChars) {
    return text.length() > maxChars ? text.substring(0, maxChars) : text;
  }
}
