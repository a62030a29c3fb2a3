package dev.stepstream.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A minimal raw-Kafka worker for processor tests: answers every task with its input plus a mark. */
final class EchoWorker implements AutoCloseable {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger handled = new AtomicInteger();
  private final Thread thread;

  EchoWorker(String bootstrapServers, List<String> taskTopics, String resultsTopic) {
    thread = new Thread(() -> loop(bootstrapServers, taskTopics, resultsTopic), "echo-worker");
    thread.setDaemon(true);
    thread.start();
  }

  int handled() {
    return handled.get();
  }

  private void loop(String bootstrapServers, List<String> taskTopics, String resultsTopic) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, "echo-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
            new StringDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 0),
            new StringSerializer(), new ByteArraySerializer())) {
      consumer.subscribe(taskTopics);
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          TaskRequest request = WireJson.decode(record.value(), TaskRequest.class);
          ObjectNode output = request.input().isObject()
              ? ((ObjectNode) request.input()).deepCopy() : WireJson.mapper().createObjectNode();
          output.put("handledBy" + request.taskName(), true);
          producer.send(new ProducerRecord<>(resultsTopic, request.executionArn(),
              WireJson.encode(new TaskSucceeded(1, request.executionArn(), request.taskToken(), output))));
          handled.incrementAndGet();
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(10_000);
  }
}
