package dev.stepstream.server.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.backend.TailingView;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.ScheduleRecord;
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
 * The schedules on the compacted definitions topic (records of type {@code Schedule}, keyed by schedule
 * ARN), as an in-memory view. A write goes to the definitions topic first (returning once the view has
 * read it back), then the same record (or tombstone) to the commands topic, keyed by the schedule ARN,
 * where the processor task owning that key keeps the schedule's durable timer.
 */
public final class Schedules implements AutoCloseable {
  private static final Duration WRITE_VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  private final String definitionsTopic;
  private final String commandsTopic;
  private final KafkaProducer<String, byte[]> producer;
  private final TailingView<ScheduleRecord> view;

  private Schedules(String definitionsTopic, String commandsTopic, KafkaProducer<String, byte[]> producer,
      TailingView<ScheduleRecord> view) {
    this.definitionsTopic = definitionsTopic;
    this.commandsTopic = commandsTopic;
    this.producer = producer;
    this.view = view;
  }

  public static Schedules start(KafkaConnection kafka, String definitionsTopic, String commandsTopic,
      KafkaProducer<String, byte[]> producer) {
    return new Schedules(definitionsTopic, commandsTopic, producer,
        TailingView.start(kafka, definitionsTopic, Schedules::decode, Duration.ofSeconds(60)));
  }

  static Optional<ScheduleRecord> decode(byte[] bytes) {
    try {
      JsonNode node = WireJson.mapper().readTree(bytes);
      if (!"Schedule".equals(node.path("type").asText())) {
        return Optional.empty();
      }
      return Optional.of(WireJson.decode(bytes, ScheduleRecord.class));
    } catch (IOException | WireFormatException e) {
      return Optional.empty();
    }
  }

  public Optional<ScheduleRecord> find(String arn) {
    return view.get(arn);
  }

  /** Every schedule, by name. */
  public List<ScheduleRecord> all() {
    return view.values().stream().sorted(Comparator.comparing(ScheduleRecord::name)).toList();
  }

  public void put(ScheduleRecord schedule) {
    write(schedule.arn(), WireJson.encode(schedule));
  }

  public void delete(String arn) {
    write(arn, null);
  }

  private void write(String key, byte[] value) {
    try {
      RecordMetadata written = producer.send(new ProducerRecord<>(definitionsTopic, key, value)).get();
      if (!view.awaitPosition(written.partition(), written.offset() + 1, WRITE_VISIBLE_TIMEOUT)) {
        throw new IllegalStateException("the schedules view did not catch up with its own write");
      }
      producer.send(new ProducerRecord<>(commandsTopic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a schedule", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write a schedule: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    view.close();
  }
}
