package dev.stepstream.server.triggers;

import dev.stepstream.wire.DeadLetter;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.TriggerRecord;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 *
 * <p>With a concurrency limit, a start the {@link ConcurrencyGate} has no room for is held: the
 * transaction commits the offsets only up to the record before it, the consumer seeks back to it
 * and pauses, and it is read again once one of the trigger's executions has finished.
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
  private final ConcurrencyGate gate;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  TriggerRunner(TriggerRecord trigger, TriggerClients clients, TopicCatalogue topics, TriggerTargets targets,
      TriggerMetrics metrics, Clock clock, Function<String, List<ExecutionSummary>> executionsOf) {
    this.trigger = trigger;
    this.pipeline = TriggerPipeline.compile(trigger);
    this.clients = clients;
    this.topics = topics;
    this.targets = targets;
    this.metrics = metrics;
    this.clock = clock;
    this.gate = new ConcurrencyGate(trigger, executionsOf);
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
        boolean held = false;
        while (running) {
          if (held && gate.free(clock.millis()) > 0) {
            c.resume(c.paused());
            held = false;
          }
          ConsumerRecords<byte[], byte[]> batch = c.poll(POLL);
          if (!batch.isEmpty()) {
            held = transfer(c, producer, batch) || held;
          }
          metrics.lag(lag(c));
          metrics.running(gate.limited() ? gate.running() : null, held);
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

  /** Moves one batch in one transaction; true when a start was held at the concurrency limit. */
  private boolean transfer(KafkaConsumer<byte[], byte[]> c, KafkaProducer<String, byte[]> producer,
      ConsumerRecords<byte[], byte[]> batch) {
    long now = clock.millis();
    int free = gate.free(now);
    producer.beginTransaction();
    int read = 0;
    int matched = 0;
    int rejected = 0;
    List<String> started = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Map<TopicPartition, Long> held = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      if (held.containsKey(partition)) {
        continue;
      }
      TriggerPipeline.Outcome outcome = outcome(record);
      if (outcome instanceof TriggerPipeline.Start start) {
        if (started.size() >= free) {
          held.put(partition, record.offset());
          continue;
        }
        matched++;
        String arn = start(producer, record, start);
        if (arn != null) {
          started.add(arn);
        } else {
          rejected++;
        }
      } else if (outcome instanceof TriggerPipeline.Reject reject) {
        matched++;
        rejected++;
        deadLetter(producer, record, reject.reason());
      }
      read++;
      offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
    }
    if (!offsets.isEmpty()) {
      producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
    }
    producer.commitTransaction();
    gate.committed(started, now);
    metrics.committed(read, matched, started.size(), rejected);
    if (held.isEmpty()) {
      return false;
    }
    held.forEach(c::seek);
    c.pause(c.assignment());
    return true;
  }

  private TriggerPipeline.Outcome outcome(ConsumerRecord<byte[], byte[]> record) {
    int size = record.value() == null ? 0 : record.value().length;
    return TriggerPipeline.oversized(size).map(TriggerPipeline.Outcome.class::cast)
        .orElseGet(() -> pipeline.apply(RecordWrapper.of(record), clock.millis()));
  }

  /** The execution ARN when the start command was written, null when the target could not be resolved (then dead-lettered). */
  private String start(KafkaProducer<String, byte[]> producer, ConsumerRecord<byte[], byte[]> record,
      TriggerPipeline.Start start) {
    TriggerTargets.Target target;
    try {
      target = targets.resolve(trigger.target(), start.name());
    } catch (IllegalArgumentException e) {
      deadLetter(producer, record, e.getMessage());
      return null;
    }
    StartExecution command = new StartExecution(WireVersions.CURRENT, target.executionArn(), target.stateMachineArn(),
        start.name(), start.input(), clock.millis(), target.aliasArn());
    producer.send(new ProducerRecord<>(topics.commands(), command.executionArn(), WireJson.encode(command)));
    return command.executionArn();
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
