package dev.stepstream.processor;

import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.TopicCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How to run the processor.
 *
 * @param applicationId the Kafka Streams application id; instances with the same id share partitions
 * @param stateDir where RocksDB stores live (one per instance)
 * @param timerInterval how often the wall-clock punctuator looks for due timers
 * @param extra further Kafka Streams properties, applied last
 * @param applicationServer {@code host:port} of this instance's API, advertised to the other
 *     instances (Kafka Streams {@code application.server}) so queries for executions this instance
 *     owns can be routed to it; null when the instance answers only for itself
 * @param closedExecutionRetention how long a closed (succeeded, failed, timed out, aborted)
 *     execution and its history stay in the stores (AWS keeps them 90 days)
 * @param tokenKeys the keys that sign task tokens; every instance of a deployment (and its API) must
 *     use the same; null generates one for this process only
 * @param kafkaClientProperties security and connection settings (a {@code --kafka-config} file) for
 *     every Kafka client of the processor: Kafka Streams' own clients, its admin client and the
 *     integration runner
 */
public record ProcessorConfig(
    String bootstrapServers,
    String applicationId,
    TopicCatalogue topics,
    Path stateDir,
    Profile profile,
    int streamThreads,
    Duration timerInterval,
    Map<String, Object> extra,
    String applicationServer,
    Duration closedExecutionRetention,
    TaskTokenKeys tokenKeys,
    Map<String, String> kafkaClientProperties) {

  /** AWS keeps a closed execution's history for 90 days. */
  public static final Duration DEFAULT_CLOSED_EXECUTION_RETENTION = Duration.ofDays(90);
  /** System property that changes the default retention (an ISO-8601 duration such as {@code P30D}). */
  public static final String RETENTION_PROPERTY = "stepstream.closedExecutionRetention";
  /**
   * Prefix of system properties passed to Kafka Streams as they are, after the profile's settings:
   * {@code -Dstepstream.streams.session.timeout.ms=6000} sets {@code session.timeout.ms}.
   */
  public static final String STREAMS_PROPERTY_PREFIX = "stepstream.streams.";
  /**
   * Records per poll of the restore consumer (Kafka's default: 1,000). Under exactly-once a restart
   * after a crash rebuilds every store from its changelog (four records per finished execution), and
   * larger batches cut the per-batch cost of writing them into RocksDB.
   */
  static final int RESTORE_MAX_POLL_RECORDS = 10_000;

  public ProcessorConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(timerInterval, "timerInterval");
    Objects.requireNonNull(closedExecutionRetention, "closedExecutionRetention");
    if (streamThreads < 1) {
      throw new IllegalArgumentException("streamThreads must be at least 1 but was " + streamThreads);
    }
    if (closedExecutionRetention.isNegative() || closedExecutionRetention.isZero()) {
      throw new IllegalArgumentException("closedExecutionRetention must be positive but was " + closedExecutionRetention);
    }
    if (applicationServer != null && !applicationServer.matches(".+:\\d{1,5}")) {
      throw new IllegalArgumentException("applicationServer must be host:port but was '" + applicationServer + "'");
    }
    extra = Map.copyOf(extra);
    kafkaClientProperties = new KafkaConnection(bootstrapServers, kafkaClientProperties).clientProperties();
  }

  /** Without extra Kafka client properties. */
  public ProcessorConfig(String bootstrapServers, String applicationId, TopicCatalogue topics, Path stateDir,
      Profile profile, int streamThreads, Duration timerInterval, Map<String, Object> extra,
      String applicationServer, Duration closedExecutionRetention, TaskTokenKeys tokenKeys) {
    this(bootstrapServers, applicationId, topics, stateDir, profile, streamThreads, timerInterval, extra,
        applicationServer, closedExecutionRetention, tokenKeys, Map.of());
  }

  /** Without an advertised API and with the default retention. */
  public ProcessorConfig(String bootstrapServers, String applicationId, TopicCatalogue topics, Path stateDir,
      Profile profile, int streamThreads, Duration timerInterval, Map<String, Object> extra) {
    this(bootstrapServers, applicationId, topics, stateDir, profile, streamThreads, timerInterval, extra, null,
        defaultRetention(), null);
  }

  public static ProcessorConfig defaults(String bootstrapServers, Path stateDir) {
    return new ProcessorConfig(bootstrapServers, "stepstream", TopicCatalogue.load(), stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
  }

  /** 90 days, or the ISO-8601 duration in the system property {@value #RETENTION_PROPERTY}. */
  public static Duration defaultRetention() {
    String configured = System.getProperty(RETENTION_PROPERTY);
    return configured == null || configured.isBlank()
        ? DEFAULT_CLOSED_EXECUTION_RETENTION : Duration.parse(configured.trim());
  }

  public ProcessorConfig withProfile(Profile newProfile) {
    return new ProcessorConfig(bootstrapServers, applicationId, topics, stateDir, newProfile, streamThreads, timerInterval,
        extra, applicationServer, closedExecutionRetention, tokenKeys, kafkaClientProperties);
  }

  public ProcessorConfig withApplicationId(String id) {
    return new ProcessorConfig(bootstrapServers, id, topics, stateDir, profile, streamThreads, timerInterval, extra,
        applicationServer, closedExecutionRetention, tokenKeys, kafkaClientProperties);
  }

  public ProcessorConfig withExtra(Map<String, Object> more) {
    return new ProcessorConfig(bootstrapServers, applicationId, topics, stateDir, profile, streamThreads, timerInterval,
        more, applicationServer, closedExecutionRetention, tokenKeys, kafkaClientProperties);
  }

  /** Advertises this instance's API as {@code host:port} (null: not routed to). */
  public ProcessorConfig withApplicationServer(String hostAndPort) {
    return new ProcessorConfig(bootstrapServers, applicationId, topics, stateDir, profile, streamThreads, timerInterval,
        extra, hostAndPort, closedExecutionRetention, tokenKeys, kafkaClientProperties);
  }

  public ProcessorConfig withClosedExecutionRetention(Duration retention) {
    return new ProcessorConfig(bootstrapServers, applicationId, topics, stateDir, profile, streamThreads, timerInterval,
        extra, applicationServer, retention, tokenKeys, kafkaClientProperties);
  }

  /**
   * Static group membership: this instance joins as {@code instanceId}, so a restart after a crash
   * takes its partitions back at once instead of waiting for its own previous member to time out;
   * {@code sessionTimeout} bounds how long a crashed instance's partitions stay unassigned.
   * Each instance needs its own id (Kafka Streams appends the thread index).
   */
  public ProcessorConfig withStaticMembership(String instanceId, Duration sessionTimeout) {
    Map<String, Object> more = new HashMap<>(extra);
    more.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
    more.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        (int) sessionTimeout.toMillis());
    return withExtra(more);
  }

  /** Signs task tokens with {@code keys} (shared by every instance of the deployment and its API). */
  public ProcessorConfig withTokenKeys(TaskTokenKeys keys) {
    return new ProcessorConfig(bootstrapServers, applicationId, topics, stateDir, profile, streamThreads, timerInterval,
        extra, applicationServer, closedExecutionRetention, keys, kafkaClientProperties);
  }

  /** Connects with {@code connection}'s servers and client properties. */
  public ProcessorConfig withKafka(KafkaConnection connection) {
    return new ProcessorConfig(connection.bootstrapServers(), applicationId, topics, stateDir, profile, streamThreads,
        timerInterval, extra, applicationServer, closedExecutionRetention, tokenKeys, connection.clientProperties());
  }

  /** The servers and client properties every Kafka client of the processor uses. */
  public KafkaConnection kafkaConnection() {
    return new KafkaConnection(bootstrapServers, kafkaClientProperties);
  }

  /** The Kafka Streams properties for this configuration. */
  public Properties streamsProperties() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    kafkaConnection().applyTo(p);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    if (applicationServer != null) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    profile.applyTo(p);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, StoreOptions.class.getName());
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), RecordLimits.MAX_RECORD_BYTES);
    p.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), RESTORE_MAX_POLL_RECORDS);
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(STREAMS_PROPERTY_PREFIX))
        .forEach(name -> p.put(name.substring(STREAMS_PROPERTY_PREFIX.length()), System.getProperty(name)));
    p.putAll(extra);
    return p;
  }
}
