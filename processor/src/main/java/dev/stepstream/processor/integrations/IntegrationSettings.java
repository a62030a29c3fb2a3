package dev.stepstream.processor.integrations;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How built-in integrations reach topics.
 *
 * @param mappedPrefix prefix of the default topics of AWS messaging targets
 *     ({@code <prefix>sns.<topic>}, {@code <prefix>sqs.<queue>}, {@code <prefix>events.<bus>})
 * @param mappings explicit targets, checked first: an SNS topic ARN, an SQS queue URL, or an
 *     EventBridge bus name or ARN, to a topic name
 * @param createTopics whether a missing target topic is created on first use
 * @param kafkaTopics the topics {@code kafka:publish} may write to (besides Stepstream's own, never)
 * @param partitions partitions of created target topics
 */
public record IntegrationSettings(String mappedPrefix, Map<String, String> mappings, boolean createTopics,
    Pattern kafkaTopics, int partitions) {

  /** System property prefix; see {@link #fromProperties}. */
  public static final String PROPERTY_PREFIX = "stepstream.integrations.";

  public IntegrationSettings {
    Objects.requireNonNull(mappedPrefix, "mappedPrefix");
    Objects.requireNonNull(kafkaTopics, "kafkaTopics");
    mappings = Map.copyOf(mappings);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1 but was " + partitions);
    }
  }

  public static IntegrationSettings defaults(String topicPrefix) {
    return new IntegrationSettings(topicPrefix, Map.of(), true, Pattern.compile(".*"), 1);
  }

  /**
   * The defaults, changed by properties: {@code stepstream.integrations.prefix},
   * {@code .createTopics} (true/false), {@code .kafkaTopics} (a regular expression),
   * {@code .partitions}, and {@code .map.<ARN, URL or bus name>=<topic>} for explicit targets.
   */
  public static IntegrationSettings fromProperties(String topicPrefix, Properties properties) {
    IntegrationSettings d = defaults(topicPrefix);
    Map<String, String> mappings = new HashMap<>();
    String mapPrefix = PROPERTY_PREFIX + "map.";
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(mapPrefix)) {
        mappings.put(name.substring(mapPrefix.length()), properties.getProperty(name).trim());
      }
    }
    return new IntegrationSettings(
        properties.getProperty(PROPERTY_PREFIX + "prefix", d.mappedPrefix()),
        mappings,
        Boolean.parseBoolean(properties.getProperty(PROPERTY_PREFIX + "createTopics", "true")),
        Pattern.compile(properties.getProperty(PROPERTY_PREFIX + "kafkaTopics", d.kafkaTopics().pattern())),
        Integer.parseInt(properties.getProperty(PROPERTY_PREFIX + "partitions", "1").trim()));
  }

  public IntegrationSettings withCreateTopics(boolean create) {
    return new IntegrationSettings(mappedPrefix, mappings, create, kafkaTopics, partitions);
  }

  public IntegrationSettings withMappings(Map<String, String> explicit) {
    return new IntegrationSettings(mappedPrefix, explicit, createTopics, kafkaTopics, partitions);
  }

  public IntegrationSettings withKafkaTopics(Pattern allowed) {
    return new IntegrationSettings(mappedPrefix, mappings, createTopics, allowed, partitions);
  }
}
