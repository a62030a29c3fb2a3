package dev.stepstream.dist.reliability;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts executions by their latest committed summary on the executions topic, read from the
 * beginning without a group: how many have reached a status, without asking the API about each.
 */
final class SummaryCount implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, ExecutionStatus> latest = new HashMap<>();

  SummaryCount(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Waits until {@code expected} executions named with {@code namePrefix} have {@code status}. */
  void await(String namePrefix, ExecutionStatus status, int expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long reached = 0;
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        if (record.value() == null) {
          latest.remove(record.key());
        } else {
          latest.put(record.key(), WireJson.decode(record.value(), ExecutionSummary.class).status());
        }
      }
      reached = latest.entrySet().stream()
          .filter(e -> e.getKey().contains(":" + namePrefix) && e.getValue() == status).count();
      if (reached >= expected) {
        return;
      }
    }
    throw new AssertionError(reached + " of " + expected + " executions " + namePrefix + "* reached " + status
        + " within " + timeout.toSeconds() + " s");
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
