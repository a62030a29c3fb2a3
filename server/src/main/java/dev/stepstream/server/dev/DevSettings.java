package dev.stepstream.server.dev;

import dev.stepstream.processor.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code stepstream dev} runs.
 *
 * @param kafka an existing cluster to use instead of the embedded broker, or null
 * @param port the embedded broker's client port
 * @param dataDir the root of everything dev keeps between runs (broker log in {@code kafka/},
 *     processor state in {@code state/}; extensions keep their files beside, e.g. images in {@code images/})
 * @param fresh delete the data directory first
 * @param partitions the partition count for catalogue topics without a fixed count
 * @param topicPrefix prefix of every topic name
 * @param kafkaTimeout how long to wait for an existing cluster to answer
 * @param engine run the processor and the dev extensions (false: Kafka and topics only)
 * @param profile the processor's delivery profile
 * @param taskTopicCompression {@code compression.type} of new task topics, or null to keep the producer's
 * @param kafkaClientProperties security settings ({@code --kafka-config}) for every client of an
 *     existing cluster ({@code kafka}); the embedded broker takes none
 */
public record DevSettings(
    String kafka,
    int port,
    Path dataDir,
    boolean fresh,
    int partitions,
    String topicPrefix,
    Duration kafkaTimeout,
    boolean engine,
    Profile profile,
    String taskTopicCompression,
    Map<String, String> kafkaClientProperties) {

  public DevSettings {
    kafkaClientProperties = Map.copyOf(kafkaClientProperties);
    if (kafka == null && !kafkaClientProperties.isEmpty()) {
      throw new IllegalArgumentException("--kafka-config needs --kafka: the embedded broker takes no client settings");
    }
  }

  public DevSettings(String kafka, int port, Path dataDir, boolean fresh, int partitions, String topicPrefix,
      Duration kafkaTimeout, boolean engine, Profile profile, String taskTopicCompression) {
    this(kafka, port, dataDir, fresh, partitions, topicPrefix, kafkaTimeout, engine, profile, taskTopicCompression,
        Map.of());
  }

  public DevSettings(String kafka, int port, Path dataDir, boolean fresh, int partitions, String topicPrefix,
      Duration kafkaTimeout, boolean engine, Profile profile) {
    this(kafka, port, dataDir, fresh, partitions, topicPrefix, kafkaTimeout, engine, profile, null);
  }

  /**
   * How long a crashed dev engine's partitions stay with its old member. dev runs one instance with
   * static membership, so a restart takes them back at once anyway; this bounds the wait otherwise.
   */
  public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

  /** Kafka and topics only (no processor, no extensions). */
  public static DevSettings kafkaOnly(String kafka, int port, Path dataDir, boolean fresh, int partitions,
      String topicPrefix, Duration kafkaTimeout) {
    return new DevSettings(kafka, port, dataDir, fresh, partitions, topicPrefix, kafkaTimeout, false, Profile.EXACTLY_ONCE);
  }

  public boolean embedded() {
    return kafka == null;
  }

  /** The task token keys, kept with the data so that tokens stay valid across restarts. */
  public Path tokenKeysFile() {
    return dataDir.resolve("token-keys");
  }

  /** The static group member id of this data directory's engine (two dev data directories may share a cluster). */
  public String instanceId() {
    return "stepstream-dev-" + Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode());
  }

  public Path kafkaDataDir() {
    return dataDir.resolve("kafka");
  }

  /**
   * Processor state: one directory per cluster, because Kafka Streams state must not be reused
   * against a different cluster.
   */
  public Path stateDir() {
    return embedded() ? dataDir.resolve("state") : dataDir.resolve("state-" + kafka.replaceAll("[^A-Za-z0-9.-]", "_"));
  }
}
