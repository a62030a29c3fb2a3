package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.KafkaConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code arn:aws:states:::kafka:getRecords} (Stepstream's own ItemReader): the committed records of a
 * topic range as items. Parameters: {@code Topic}; {@code Partitions} (default all); the start as
 * {@code StartOffset} or {@code StartTimestamp}, the end (exclusive) as {@code EndOffset} or
 * {@code EndTimestamp} (default: the end of each partition when read). Timestamps are epoch
 * milliseconds or ISO-8601 text. Items, by partition then offset:
 * {@code {"Topic","Partition","Offset","Timestamp","Key","Value","Headers"}}, the value as JSON when it
 * parses, else as text.
 */
final class TopicRange {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private final KafkaConnection kafka;

  TopicRange(KafkaConnection kafka) {
    this.kafka = kafka;
  }

  ArrayNode read(JsonNode parameters, long maxItems) {
    String topic = topicOf(parameters);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      for (JsonNode part : bounds(consumer, topic, parameters)) {
        readPartition(consumer, new TopicPartition(topic, part.path("Partition").asInt()), part.path("Next").asLong(),
            part.path("End").asLong(), items, maxItems);
      }
      return items;
    }
  }

  private static String topicOf(JsonNode parameters) {
    String topic = parameters.path("Topic").asText("");
    if (topic.isEmpty()) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "kafka:getRecords needs a Topic.");
    }
    return topic;
  }

  /**
   * One page from {@code cursor} ({@code {"Partitions": [{"Partition", "Next", "End"}]}}, JSON null for
   * the start: the bounds are fixed when the first page is read, so records appended later are not read).
   */
  JsonNode readPage(JsonNode parameters, JsonNode cursor, ItemPage page) {
    String topic = topicOf(parameters);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      ArrayNode parts = cursor.has("Partitions") ? (ArrayNode) cursor.get("Partitions").deepCopy()
          : bounds(consumer, topic, parameters);
      boolean more = false;
      for (JsonNode part : parts) {
        long next = part.path("Next").asLong();
        long end = part.path("End").asLong();
        if (next < end && !page.full()) {
          next = readPartitionPage(consumer, new TopicPartition(topic, part.path("Partition").asInt()), next, end, page);
          ((ObjectNode) part).put("Next", next);
        }
        more |= next < end;
      }
      return page.answer(more ? JsonNodeFactory.instance.objectNode().set("Partitions", parts) : null);
    }
  }

  private ArrayNode bounds(KafkaConsumer<byte[], byte[]> consumer, String topic, JsonNode parameters) {
    List<TopicPartition> partitions = partitions(consumer, topic, parameters.path("Partitions"));
    consumer.assign(partitions);
    Map<TopicPartition, Long> starts = bound(consumer, partitions, parameters, "Start", 0L);
    Map<TopicPartition, Long> ends = bound(consumer, partitions, parameters, "End", null);
    ArrayNode parts = JsonNodeFactory.instance.arrayNode();
    for (TopicPartition tp : partitions) {
      parts.addObject().put("Partition", tp.partition()).put("Next", starts.get(tp)).put("End", ends.get(tp));
    }
    return parts;
  }

  /** Reads {@code [start, end)} of one partition into the page; returns where the next page starts. */
  private long readPartitionPage(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long start, long end,
      ItemPage page) {
    consumer.assign(List.of(tp));
    consumer.seek(tp, start);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    long next = start;
    while (next < end && !page.full()) {
      if (System.nanoTime() > deadline) {
        throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "Reading " + tp + " up to offset " + end
            + " did not finish within " + DEADLINE.toSeconds() + " s.");
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(tp)) {
        if (r.offset() >= end) {
          return end;
        }
        if (!page.offer(item(r))) {
          return r.offset();
        }
        next = r.offset() + 1;
        if (page.full()) {
          return next;
        }
      }
      // Transaction markers take offsets too: the position is past them.
      next = Math.min(end, Math.max(next, consumer.position(tp)));
    }
    return next;
  }

  private void readPartition(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long start, long end,
      ArrayNode items, long maxItems) {
    if (start >= end || items.size() >= maxItems) {
      return;
    }
    consumer.assign(List.of(tp));
    consumer.seek(tp, start);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (consumer.position(tp) < end && items.size() < maxItems) {
      if (System.nanoTime() > deadline) {
        throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "Reading " + tp + " up to offset " + end
            + " did not finish within " + DEADLINE.toSeconds() + " s.");
      }
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(tp)) {
        if (r.offset() >= end || items.size() >= maxItems) {
          return;
        }
        items.add(item(r));
      }
    }
  }

  static ObjectNode item(ConsumerRecord<byte[], byte[]> r) {
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    item.put("Topic", r.topic()).put("Partition", r.partition()).put("Offset", r.offset())
        .put("Timestamp", r.timestamp());
    item.put("Key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
    item.set("Value", value(r.value()));
    ObjectNode headers = item.putObject("Headers");
    for (Header h : r.headers()) {
      headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
    }
    return item;
  }

  private static JsonNode value(byte[] bytes) {
    if (bytes == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      return JSON.readTree(text);
    } catch (Exception notJson) {
      return JsonNodeFactory.instance.textNode(text);
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic, JsonNode wanted) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (infos == null || infos.isEmpty()) {
      throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The topic '" + topic + "' does not exist.");
    }
    List<TopicPartition> all = new ArrayList<>();
    infos.stream().mapToInt(PartitionInfo::partition).sorted().forEach(p -> all.add(new TopicPartition(topic, p)));
    if (!wanted.isArray()) {
      return all;
    }
    List<TopicPartition> chosen = new ArrayList<>();
    for (JsonNode p : wanted) {
      TopicPartition tp = new TopicPartition(topic, p.asInt(-1));
      if (!all.contains(tp)) {
        throw new IntegrationFailure(ItemFiles.ITEM_READER_FAILED, "The topic '" + topic + "' has no partition " + p + ".");
      }
      chosen.add(tp);
    }
    return chosen;
  }

  /** {@code <side>Offset} or {@code <side>Timestamp}; absent: {@code fallback}, or the end when null. */
  private static Map<TopicPartition, Long> bound(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      JsonNode parameters, String side, Long fallback) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> out = new HashMap<>();
    JsonNode offset = parameters.get(side + "Offset");
    JsonNode timestamp = parameters.get(side + "Timestamp");
    if (timestamp != null) {
      long millis = timestamp.isNumber() ? timestamp.asLong() : Instant.parse(timestamp.asText()).toEpochMilli();
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(tp -> query.put(tp, millis));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
      partitions.forEach(tp -> out.put(tp, found.get(tp) == null ? ends.get(tp) : found.get(tp).offset()));
      return out;
    }
    for (TopicPartition tp : partitions) {
      long end = ends.get(tp);
      long value = offset != null ? offset.asLong() : fallback != null ? fallback : end;
      out.put(tp, Math.min(value, end));
    }
    return out;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Map<String, Object> config = new HashMap<>();
    kafka.applyTo(config);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(config);
  }
}
