package dev.stepstream.processor;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds the dead-letter record for input that could not be decoded or applied. */
final class DeadLetters {
  private DeadLetters() {}

  /** Partition and offset are -1 when the record did not come straight from a topic (a parked start). */
  static byte[] of(String key, byte[] value, String reason, String topic, int partition, long offset, long nowMillis) {
    DeadLetter letter = new DeadLetter(
        WireVersions.CURRENT,
        topic,
        partition,
        offset,
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
