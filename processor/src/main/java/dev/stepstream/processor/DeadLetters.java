package dev.stepstream.processor;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead-letter record for input that could not be decoded or applied. */
final class DeadLetters {
  private DeadLetters() {}

  static byte[] of(String key, byte[] value, String reason, RecordMetadata source, long nowMillis) {
    DeadLetter letter = new DeadLetter(
        1,
        source == null ? "unknown" : source.topic(),
        source == null ? 0 : source.partition(),
        source == null ? 0 : source.offset(),
        key,
        value == null ? null : Base64.getEncoder().encodeToString(value),
        reason.length() > 4_000 ? reason.substring(0, 4_000) : reason,
        nowMillis);
    return WireJson.encode(letter);
  }

  static String text(byte[] value) {
    return value == null ? "null" : new String(value, StandardCharsets.UTF_8);
  }
}
