package dev.stepstream.worker.internal;

import dev.stepstream.wire.TopicCatalogue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A worker's validated configuration and the Kafka client settings derived from it. Settings the
 * delivery guarantees depend on are applied after {@code kafkaProperties}, so they cannot be undone.
 *
 * @param commitInterval the least time between two offset commits while running (zero: after every poll)
 */
public record WorkerSettings(
    String task,
    String bootstrapServers,
    String topicPrefix,
    String groupId,
    String workerName,
    int concurrency,
    Duration shutdownTimeout,
    Duration commitInterval,
    Map<String, Object> kafkaProperties) {

  public WorkerSettings {
    kafkaProperties = Map.copyOf(kafkaProperties);
  }

  public String taskTopic() {
    return TopicCatalogue.load(topicPrefix).taskTopic(task);
  }

  public String resultsTopic() {
    return TopicCatalogue.load(topicPrefix).taskResults();
  }

  public Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(kafkaProperties);
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, workerName);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Each poll hands out at most `concurrency` records; the loop pauses while handlers are busy.
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, concurrency);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  public Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(kafkaProperties);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, workerName + "-results");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }
}
