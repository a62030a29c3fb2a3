package dev.stepstream.processor;

import dev.stepstream.wire.TopicCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How to run the processor.
 *
 * @param applicationId the Kafka Streams application id; instances with the same id share partitions
 * @param stateDir where RocksDB stores live (one per instance)
 * @param timerInterval how often the wall-clock punctuator looks for due timers
 * @param extra further Kafka Streams properties, applied last
 */
public record ProcessorConfig(
    String bootstrapServers,
    String applicationId,
    TopicCatalogue topics,
    Path stateDir,
    Profile profile,
    int streamThreads,
    Duration timerInterval,
    Map<String, Object> extra) {

  public ProcessorConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(timerInterval, "timerInterval");
    if (streamThreads < 1) {
      throw new IllegalArgumentException("streamThreads must be at least 1 but was " + streamThreads);
    }
    extra = Map.copyOf(extra);
  }

  public static ProcessorConfig defaults(String bootstrapServers, Path stateDir) {
    return new ProcessorConfig(bootstrapServers, "stepstream", TopicCatalogue.load(), stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
  }

  public ProcessorConfig withProfile(Profile newProfile) {
    return new ProcessorConfig(bootstrapServers, applicationId, topics, stateDir, newProfile, streamThreads, timerInterval, extra);
  }

  public ProcessorConfig withApplicationId(String id) {
    return new ProcessorConfig(bootstrapServers, id, topics, stateDir, profile, streamThreads, timerInterval, extra);
  }

  public ProcessorConfig withExtra(Map<String, Object> more) {
    return new ProcessorConfig(bootstrapServers, applicationId, topics, stateDir, profile, streamThreads, timerInterval, more);
  }

  /** The Kafka Streams properties for this configuration. */
  public Properties streamsProperties() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    p.put("processing.exception.handler.global.enabled", true);
    profile.applyTo(p);
    p.putAll(extra);
    return p;
  }
}
