package dev.stepstream.server.triggers;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.TriggerRecord;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one active trigger: a transactional consume-transform-produce loop. Each polled batch is one
 * transaction holding its start commands, its dead letters and the batch's source offsets
 * ({@code sendOffsetsToTransaction} with the consumer's group metadata), so a batch either starts
 * its executions and moves the offsets, or does neither. Any failure closes both clients and starts
 * over from the committed offsets; the deterministic execution names make a start written twice
 * a no-op in the processor all the same.
 */
final class TriggerRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerRunner.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

  private final TriggerRecord trigger;
  private final TriggerPipeline pipeline;
  private final TriggerClients clients;
  private final TopicCatalogue topics;
  private final TriggerTargets targets;
  private final TriggerMetrics metrics;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  TriggerRunner(TriggerRecord trigger, TriggerClients clients, TopicCatalogue topics, TriggerTargets targets,
      TriggerMetrics metrics, Clock clock) {
    this.trigger = trigger;
    this.pipeline = TriggerPipeline.compile(trigger);
    this.clients = clients;
    this.topics = topics;
    this.targets = targets;
    this.metrics = metrics;
    this.clock = clock;
    this.thread = new Thread(this::run, "stepstream-trigger-" + trigger.name());
    this.thread.setDaemon(true);
  }

  TriggerRecord trigger() {
    return trigger;
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<byte[], byte[]> c = clients.consumer(trigger);
          KafkaProducer<String, byte[]> producer = clients.producer(trigger)) {
        consumer = c;
        producer.initTransactions();
        c.subscribe(List.of(trigger.sourceTopic()), new StartingPosition(c, trigger));
        while (running) {
          ConsumerRecords<byte[], byte[]> batch = c.poll(POLL);
          if (!batch.isEmpty()) {
            transfer(c, producer, batch);
          }
          metrics.lag(lag(c));
        }
      } catch (WakeupException | InterruptException e) {
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("Trigger {} failed; starting over from its committed offsets: {}", trigger.name(), e.toString());
        sleep(RETRY_BACKOFF);
      }
    }
  }

  private void transfer(KafkaConsumer<byte[], byte[]> c, KafkaProducer<String, byte[]> producer,
      ConsumerRecords<byte[], byte[]> batch) {
    producer.beginTransaction();
    int matched = 0;
    int started = 0;
    int rejected = 0;
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      TriggerPipeline.Outcome outcome = outcome(record);
      if (outcome instanceof TriggerPipeline.Start start) {
        matched++;
        started += start(producer, record, start);
      } else if (outcome instanceof TriggerPipeline.Reject reject) {
        matched++;
        rejected++;
        deadLetter(producer, record, reject.reason());
      }
      offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }
    producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
    producer.commitTransaction();
    metrics.committed(batch.count(), matched, started, rejected);
  }

  private TriggerPipeline.Outcome outcome(ConsumerRecord<byte[], byte[]> record) {
    int size = record.value() == null ? 0 : record.value().length;
    return TriggerPipeline.oversized(size).map(TriggerPipeline.Outcome.class::cast)
        .orElseGet(() -> pipeline.apply(RecordWrapper.of(record), clock.millis()));
  }

  /** 1 when the start command was written, 0 when the target could not be resolved (then dead-lettered). */
  private int start(KafkaProducer<String, byte[]> producer, ConsumerRecord<byte[], byte[]> record,
      TriggerPipeline.Start start) {
    TriggerTargets.Target target;
    try {
      target = targets.resolve(trigger.target(), start.name());
    } catch (IllegalArgumentException e) {
      deadLetter(producer, record, e.getMessage());
      return 0;
    }
    StartExecution command = new StartExecution(WireVersions.CURRENT, target.executionArn(), target.stateMachineArn(),
        start.name(), start.input(), clock.millis(), target.aliasArn());
    producer.send(new ProducerRecord<>(topics.commands(), command.executionArn(), WireJson.encode(command)));
    return 1;
  }

  private void deadLetter(KafkaProducer<String, byte[]> producer, ConsumerRecord<byte[], byte[]> record, String reason) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    boolean keepValue = record.value() != null && record.value().length <= TriggerPipeline.MAX_PAYLOAD_BYTES;
    DeadLetter letter = new DeadLetter(WireVersions.CURRENT, record.topic(), record.partition(), record.offset(), key,
        keepValue ? Base64.getEncoder().encodeToString(record.value()) : null,
        "trigger " + trigger.name() + ": " + reason, clock.millis());
    producer.send(new ProducerRecord<>(topics.deadLetters(), key, WireJson.encode(letter)));
  }

  private static long lag(KafkaConsumer<byte[], byte[]> c) {
    long lag = 0;
    for (TopicPartition tp : c.assignment()) {
      lag += c.currentLag(tp).orElse(0);
    }
    return lag;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
