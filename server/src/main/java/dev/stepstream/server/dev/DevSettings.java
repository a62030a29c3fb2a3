package dev.stepstream.server.dev;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code stepstream dev} runs.
 *
 * @param kafka an existing cluster to use instead of the embedded broker, or null
 * @param port the embedded broker's client port
 * @param dataDir the root of everything dev keeps between runs (the broker's log lives under {@code kafka/})
 * @param fresh delete the data directory first
 * @param partitions the partition count for catalogue topics without a fixed count
 * @param topicPrefix prefix of every topic name
 * @param kafkaTimeout how long to wait for an existing cluster to answer
 */
public record DevSettings(
    String kafka, int port, Path dataDir, boolean fresh, int partitions, String topicPrefix, Duration kafkaTimeout) {

  public boolean embedded() {
    return kafka == null;
  }

  public Path kafkaDataDir() {
    return dataDir.resolve("kafka");
  }
}
