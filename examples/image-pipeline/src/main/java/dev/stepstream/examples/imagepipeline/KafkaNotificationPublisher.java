package dev.stepstream.examples.imagepipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes notifications as JSON records to a Kafka topic, waiting for the broker's acknowledgement. */
public final class KafkaNotificationPublisher implements NotificationPublisher, AutoCloseable {
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final String topic;
  private final Producer<String, byte[]> producer;

  public KafkaNotificationPublisher(String bootstrapServers, String topic) {
    this.topic = topic;
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "stepstream-example-notifications",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public String destination() {
    return topic;
  }

  @Override
  public void publish(String key, JsonNode notification) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, bytes(notification))).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static byte[] bytes(JsonNode notification) throws JsonProcessingException {
    return WireJson.mapper().writeValueAsBytes(notification);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
