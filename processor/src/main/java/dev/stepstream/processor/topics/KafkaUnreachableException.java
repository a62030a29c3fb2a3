package dev.stepstream.processor.topics;

import java.time.Duration;

/** A Kafka cluster did not answer; the message names the address and how long we waited. */
public final class KafkaUnreachableException extends RuntimeException {
  public KafkaUnreachableException(String bootstrapServers, Duration waited, String detail) {
    super("cannot reach Kafka at " + bootstrapServers + " within " + waited.toSeconds() + " s (" + detail + ")");
  }
}
