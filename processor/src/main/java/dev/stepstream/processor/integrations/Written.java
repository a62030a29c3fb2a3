package dev.stepstream.processor.integrations;

/** Where the broker stored an {@link Outgoing} record (from the producer's acknowledgement). */
public record Written(String topic, int partition, long offset, long timestamp) {}
