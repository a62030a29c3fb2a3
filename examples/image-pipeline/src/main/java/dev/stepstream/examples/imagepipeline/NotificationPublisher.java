package dev.stepstream.examples.imagepipeline;

import com.fasterxml.jackson.databind.JsonNode;

/** Where {@link EnviarNotificacao} sends its notifications (a Kafka topic in the pipeline). */
public interface NotificationPublisher {

  /** The topic (or other destination) name, reported in the task output. */
  String destination();

  /** Publishes and returns once the notification is durably accepted. */
  void publish(String key, JsonNode notification) throws Exception;
}
