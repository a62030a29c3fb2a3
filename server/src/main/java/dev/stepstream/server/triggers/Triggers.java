package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.backend.TailingView;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TriggerRecord;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The triggers on the compacted definitions topic (records of type {@code Trigger}, keyed by trigger
 * ARN), as an in-memory view. Writes return once the view has read them back, so a created trigger
 * is at once listed, and the {@link TriggerService} of every instance sees it within a moment.
 */
public final class Triggers implements AutoCloseable {
  private static final Duration WRITE_VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final KafkaProducer<String, byte[]> producer;
  private final TailingView<TriggerRecord> view;

  private Triggers(String topic, KafkaProducer<String, byte[]> producer, TailingView<TriggerRecord> view) {
    this.topic = topic;
    this.producer = producer;
    this.view = view;
  }

  public static Triggers start(String bootstrapServers, String definitionsTopic, KafkaProducer<String, byte[]> producer) {
    return start(KafkaConnection.of(bootstrapServers), definitionsTopic, producer);
  }

  public static Triggers start(KafkaConnection kafka, String definitionsTopic, KafkaProducer<String, byte[]> producer) {
    return new Triggers(definitionsTopic, producer,
        TailingView.start(kafka, definitionsTopic, Triggers::decode, Duration.ofSeconds(60)));
  }

  private static Optional<TriggerRecord> decode(byte[] bytes) {
    try {
      JsonNode node = WireJson.mapper().readTree(bytes);
      if (!"Trigger".equals(node.path("type").asText())) {
        return Optional.empty();
      }
      return Optional.of(WireJson.decode(bytes, TriggerRecord.class));
    } catch (IOException | WireFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<TriggerRecord> find(String arn) {
    return view.get(arn);
  }

  /** Every trigger, by name. */
  public List<TriggerRecord> all() {
    return view.values().stream().sorted(Comparator.comparing(TriggerRecord::name)).toList();
  }

  public void put(TriggerRecord trigger) {
    write(trigger.arn(), WireJson.encode(trigger));
  }

  public void delete(String arn) {
    write(arn, null);
  }

  private void write(String key, byte[] value) {
    try {
      RecordMetadata written = producer.send(new ProducerRecord<>(topic, key, value)).get();
      if (!view.awaitPosition(written.partition(), written.offset() + 1, WRITE_VISIBLE_TIMEOUT)) {
        throw new IllegalStateException("the triggers view did not catch up with its own write");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a trigger", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    view.close();
  }
}
