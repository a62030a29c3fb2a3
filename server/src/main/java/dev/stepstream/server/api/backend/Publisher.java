package dev.stepstream.server.api.backend;

import dev.stepstream.wire.Command;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes commands and task results (keyed by execution ARN) with acks=all; each send waits for the ack. */
public final class Publisher implements AutoCloseable {
  private final TopicCatalogue topics;
  private final KafkaProducer<String, byte[]> producer;

  public Publisher(String bootstrapServers, TopicCatalogue topics) {
    this.topics = topics;
    this.producer = producer(bootstrapServers);
  }

  public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  public KafkaProducer<String, byte[]> raw() {
    return producer;
  }

  public void send(Command command) {
    send(topics.commands(), command.executionArn(), WireJson.encode(command));
  }

  public void send(TaskResult result) {
    send(topics.taskResults(), result.executionArn(), WireJson.encode(result));
  }

  private void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
