package dev.stepstream.processor.integrations;

import dev.stepstream.wire.TopicCatalogue;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps AWS messaging targets to topics and guards {@code kafka:publish}: an explicit mapping wins,
 * otherwise {@code <prefix>sns.<topic name>}, {@code <prefix>sqs.<queue name>},
 * {@code <prefix>events.<bus name>}. Stepstream's own topics are never a target.
 */
public final class TopicRouter {
  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private final IntegrationSettings settings;
  private final String ownPrefix;
  private final Set<String> ownTopics;
  private final String commands;

  public TopicRouter(IntegrationSettings settings, TopicCatalogue catalogue) {
    this.settings = settings;
    this.ownPrefix = catalogue.prefix();
    this.ownTopics = catalogue.fixed().stream().map(s -> catalogue.prefix() + s.name()).collect(Collectors.toSet());
    this.commands = catalogue.commands();
  }

  /** Stepstream's commands topic, where {@code states:startExecution} starts child executions. */
  public String commands() {
    return commands;
  }

  /** The topic of an SNS topic ARN ({@code arn:aws:sns:<region>:<account>:<name>}). */
  public String sns(String topicArn) {
    return mapped(topicArn, "sns.", lastSegment(topicArn, ':'), "SNS.InvalidParameterException");
  }

  /** The topic of an SQS queue URL ({@code https://sqs.<region>.amazonaws.com/<account>/<name>}). */
  public String sqs(String queueUrl) {
    String trimmed = queueUrl.endsWith("/") ? queueUrl.substring(0, queueUrl.length() - 1) : queueUrl;
    return mapped(queueUrl, "sqs.", lastSegment(trimmed, '/'), "SQS.QueueDoesNotExistException");
  }

  /** The topic of an event bus name or ARN ({@code arn:aws:events:<region>:<account>:event-bus/<name>}). */
  public String events(String bus) {
    return mapped(bus, "events.", lastSegment(bus, '/'), "EventBridge.ResourceNotFoundException");
  }

  /** A {@code kafka:publish} Topic, checked against the legal names and the allowed topics. */
  public String kafka(String topic) {
    if (!LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
      throw new IntegrationFailure("Kafka.InvalidTopicException", "The topic '" + topic
          + "' is not a legal Kafka topic name (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-').");
    }
    if (isOwn(topic) || !settings.kafkaTopics().matcher(topic).matches()) {
      throw new IntegrationFailure("Kafka.TopicAuthorizationException",
          "Not authorized to publish to the topic '" + topic + "'.");
    }
    return topic;
  }

  /** Stepstream's catalogue topics, task topics and Kafka's internal topics. */
  boolean isOwn(String topic) {
    return ownTopics.contains(topic) || topic.startsWith(ownPrefix + "tasks.") || topic.startsWith("__");
  }

  private String mapped(String awsName, String service, String name, String invalidError) {
    String explicit = settings.mappings().get(awsName);
    String topic = explicit != null ? explicit : settings.mappedPrefix() + service + name;
    if (name.isEmpty() || !LEGAL.matcher(topic).matches() || isOwn(topic)) {
      throw new IntegrationFailure(invalidError, "'" + awsName + "' does not name a target that maps to a topic.");
    }
    return topic;
  }

  private static String lastSegment(String text, char separator) {
    return text.substring(text.lastIndexOf(separator) + 1);
  }
}

