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
 *
 * <p>Short timeouts bound what a crashed instance leaves behind: its consumer's partitions move to
 * the others after {@link #SESSION_TIMEOUT_MS}, and its open transaction (whose start commands the
 * processor, reading committed records only, would wait behind) is aborted after
 * {@link #TRANSACTION_TIMEOUT_MS}. A batch's transaction takes milliseconds.
 */
record TriggerClients(KafkaConnection kafka, String groupPrefix, String instanceId) {
  static final int SESSION_TIMEOUT_MS = 10_000;
  static final int TRANSACTION_TIMEOUT_MS = 10_000;

  String group(TriggerRecord trigger) {
    return groupPrefix + trigger.name();
  }

  KafkaConsumer<byte[], byte[]> consumer(TriggerRecord trigger) {
    Properties p = new Properties();
    kafka.applyTo(p);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group(trigger));
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 4);
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
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }
}
