package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalogue, read from {@code topics/catalogue.json} (packaged on the classpath as
 * {@code stepstream/topics/catalogue.json}), with names resolved against a prefix.
 */
public final class TopicCatalogue {
  public static final String DEFAULT_PREFIX = "stepstream.";
  private static final String RESOURCE = "/stepstream/topics/catalogue.json";

  /** Kafka's topic-level {@code compression.type} values. */
  public static final List<String> COMPRESSION_TYPES = List.of("producer", "uncompressed", "gzip", "snappy", "lz4", "zstd");

  private final String prefix;
  private final List<TopicSpec> specs;
  private final String taskTopicCompression;

  private TopicCatalogue(String prefix, List<TopicSpec> specs, String taskTopicCompression) {
    this.prefix = prefix;
    this.specs = List.copyOf(specs);
    this.taskTopicCompression = taskTopicCompression;
  }

  /**
   * This catalogue with task topics created with the topic-level {@code compression.type} given
   * ({@code uncompressed} lets clients without an LZ4 codec, such as kafkajs, read task requests that the
   * processor writes LZ4-compressed; the broker then stores them uncompressed). Null or
   * {@code producer} keeps what the processor's producer writes.
   */
  public TopicCatalogue withTaskTopicCompression(String compressionType) {
    if (compressionType != null && !COMPRESSION_TYPES.contains(compressionType)) {
      throw new IllegalArgumentException("task topic compression must be one of " + COMPRESSION_TYPES + " but was '"
          + compressionType + "'");
    }
    return new TopicCatalogue(prefix, specs, "producer".equals(compressionType) ? null : compressionType);
  }

  /** The topic-level configs a new {@code tasks.<name>} topic is created with. */
  public java.util.Map<String, String> taskTopicConfigs() {
    java.util.Map<String, String> configs = new java.util.LinkedHashMap<>(taskSpec().configs());
    if (taskTopicCompression != null) {
      configs.put("compression.type", taskTopicCompression);
    }
    return configs;
  }

  public static TopicCatalogue load() {
    return load(DEFAULT_PREFIX);
  }

  public static TopicCatalogue load(String prefix) {
    try (InputStream in = TopicCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("topic catalogue " + RESOURCE + " is missing from the classpath");
      }
      return new TopicCatalogue(prefix, parse(WireJson.mapper().readTree(in)), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read topic catalogue " + RESOURCE, e);
    }
  }

  private static List<TopicSpec> parse(JsonNode root) {
    List<TopicSpec> specs = new ArrayList<>();
    for (JsonNode t : root.path("topics")) {
      JsonNode partitions = t.path("partitions");
      specs.add(new TopicSpec(
          t.path("name").asText(),
          t.path("key").asText(),
          t.path("value").asText(),
          partitions.isInt() ? Optional.of(partitions.intValue()) : Optional.empty(),
          t.path("cleanupPolicy").asText("delete"),
          t.path("retentionMs").asLong(-1),
          t.path("pattern").asBoolean(false),
          t.path("purpose").asText()));
    }
    return specs;
  }

  public String prefix() {
    return prefix;
  }

  public List<TopicSpec> all() {
    return specs;
  }

  /** The fixed topics (everything but the per-task pattern). */
  public List<TopicSpec> fixed() {
    return specs.stream().filter(s -> !s.pattern()).toList();
  }

  public TopicSpec spec(String name) {
    return specs.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no topic '" + name + "' in the catalogue"));
  }

  /** The full topic name of a fixed topic, e.g. {@code stepstream.commands}. */
  public String topic(String name) {
    return prefix + spec(name).name();
  }

  /** The full topic name of a task topic, e.g. {@code stepstream.tasks.ProcessarImagem}. */
  public String taskTopic(String taskName) {
    return prefix + "tasks." + taskName;
  }

  public TopicSpec taskSpec() {
    return spec("tasks.<name>");
  }

  public String definitions() {
    return topic("definitions");
  }

  public String commands() {
    return topic("commands");
  }

  public String taskResults() {
    return topic("task-results");
  }

  public String history() {
    return topic("history");
  }

  public String executions() {
    return topic("executions");
  }

  public String deadLetters() {
    return topic("dead-letters");
  }

  /** The execution status-change events (AWS's EventBridge shape). */
  public String events() {
    return topic("events");
  }

  /** Execution log events in the AWS CloudWatch Logs shape ({@link ExecutionLogs}). */
  public String logs() {
    return topic("logs");
  }
}
