package dev.stepstream.wire;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of the topic catalogue ({@code topics/catalogue.json}).
 *
 * @param name the name after the prefix, e.g. {@code commands} or the pattern {@code tasks.<name>}
 * @param partitions a fixed partition count, or empty to use the deployment's default
 * @param retentionMs retention in milliseconds; -1 keeps records forever
 * @param pattern true for per-task topics created on demand
 */
public record TopicSpec(
    String name,
    String key,
    String value,
    Optional<Integer> partitions,
    String cleanupPolicy,
    long retentionMs,
    boolean pattern,
    String purpose) {

  /** Topic-level configs to create the topic with. */
  public Map<String, String> configs() {
    return Map.of("cleanup.policy", cleanupPolicy, "retention.ms", Long.toString(retentionMs));
  }

  public int partitionsOr(int defaultPartitions) {
    return partitions.orElse(defaultPartitions);
  }
}
