package dev.stepstream.server.triggers;

import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TriggerRecord;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients of one trigger. The consumer group ({@code <groupPrefix><trigger name>}) holds
 * the trigger's offsets, so every instance running the trigger shares the source partitions and a
 * paused trigger resumes where it stopped. Each instance has its own transactional id; zombie
 * writers are fenced by the group generation that {@code sendOffsetsToTransaction} carries.
 */
record TriggerClients(KafkaConnection kafka, String groupPrefix, String instanceId) {

  String group(TriggerRecord trigger) {
    return groupPrefix + trigger.name();
  }

  KafkaConsumer<byte[], byte[]> consumer(TriggerRecord trigger) {
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group(trigger));
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        TriggerRecord.EARLIEST.equals(trigger.startingPosition()) ? "earliest" : "latest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  KafkaProducer<String, byte[]> producer(TriggerRecord trigger) {
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group(trigger) + "." + instanceId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }
}
