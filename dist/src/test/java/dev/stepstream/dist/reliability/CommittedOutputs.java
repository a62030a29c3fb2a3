package dev.stepstream.dist.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every committed record of the executions and history topics, re-emissions included, as a
 * read_committed reader (the console, a downstream consumer) sees them. A record read again at
 * the same offset (this reader's group rejoined after a broker outage and resumed from its last
 * committed offset) is the same record and counted once; a re-emission has an offset of its own.
 */
final class CommittedOutputs implements AutoCloseable {
  private final Map<String, List<JsonNode>> terminalSummaries = new ConcurrentHashMap<>();
  private final Map<String, List<HistoryEvent>> history = new ConcurrentHashMap<>();
  private final Set<String> readOffsets = new HashSet<>();
  private final AtomicInteger readAgain = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  CommittedOutputs(String bootstrapServers, TopicCatalogue topics) {
    thread = new Thread(() -> collect(bootstrapServers, topics), "committed-outputs");
    thread.setDaemon(true);
    thread.start();
  }

  int finishedCount() {
    return terminalSummaries.size();
  }

  /** Records delivered to this reader again at an offset it had already read. */
  int readAgainCount() {
    return readAgain.get();
  }

  List<JsonNode> terminalSummaries(String arn) {
    return new ArrayList<>(terminalSummaries.getOrDefault(arn, List.of()));
  }

  List<HistoryEvent> history(String arn) {
    return new ArrayList<>(history.getOrDefault(arn, List.of()));
  }

  private void collect(String bootstrapServers, TopicCatalogue topics) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "committed-outputs-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.executions(), topics.history()));
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (!readOffsets.add(r.topic() + "-" + r.partition() + "@" + r.offset())) {
            readAgain.incrementAndGet();
            continue;
          }
          if (r.value() == null) {
            continue;
          }
          if (r.topic().equals(topics.history())) {
            history.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>()).addAll(HistoryBatch.eventsOf(r.value()));
          } else {
            JsonNode summary = tree(r.value());
            if (!"RUNNING".equals(summary.path("status").asText())) {
              terminalSummaries.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>()).add(summary);
            }
          }
        }
      }
    }
  }

  private static JsonNode tree(byte[] value) {
    try {
      return WireJson.mapper().readTree(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5_000);
  }
}
