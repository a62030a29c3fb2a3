package dev.stepstream.server.api.backend;

import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.wire.Command;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.TraceContext;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes commands and task results (keyed by execution ARN) with acks=all. {@code send} waits for
 * the ack; {@code sendAsync} completes on the producer's I/O thread, so chain only cheap work to it.
 */
public final class Publisher implements AutoCloseable {
  /**
   * How long a write waits for Kafka (metadata, then the acknowledgement) before it fails, so that an
   * API call made while the cluster is unreachable answers ServiceUnavailable instead of hanging.
   */
  public static final Duration KAFKA_WAIT = Duration.ofSeconds(10);
  private final TopicCatalogue topics;
  private final String commandsTopic;
  private final KafkaProducer<String, byte[]> producer;

  private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

  public Publisher(String bootstrapServers, TopicCatalogue topics) {
    this(KafkaConnection.of(bootstrapServers), topics);
  }

  public Publisher(KafkaConnection kafka, TopicCatalogue topics) {
    this.topics = topics;
    this.commandsTopic = topics.commands();
    this.producer = producer(kafka);
  }

  public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return producer(KafkaConnection.of(bootstrapServers));
  }

  public static KafkaProducer<String, byte[]> producer(KafkaConnection kafka) {
    Properties p = new Properties();
    kafka.applyTo(p);
    // Names the producer's I/O thread, so that profiles and the bench's CPU split find the API's sends.
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "stepstream-api-publisher-" + CLIENTS.incrementAndGet());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_WAIT.toMillis());
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_WAIT.toMillis());
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KAFKA_WAIT.toMillis() + 5_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  public KafkaProducer<String, byte[]> raw() {
    return producer;
  }

  public void send(Command command) {
    send(commandsTopic, command.executionArn(), WireJson.encode(command));
  }

  /** Completes when the broker has acknowledged the command, or fails as {@link #send(Command)} would throw. */
  public CompletableFuture<Void> sendAsync(Command command) {
    String topic = commandsTopic;
    CompletableFuture<Void> acked = new CompletableFuture<>();
    producer.send(withTrace(new ProducerRecord<>(topic, command.executionArn(), WireJson.encode(command)), command),
        (metadata, error) -> {
      if (error == null) {
        acked.complete(null);
      } else {
        acked.completeExceptionally(cannotWrite(topic, error));
      }
    });
    return acked;
  }

  /** A start carries its trace as a W3C {@code traceparent} header too (when its traceHeader names a trace). */
  private static ProducerRecord<String, byte[]> withTrace(ProducerRecord<String, byte[]> record, Command command) {
    if (command instanceof StartExecution start && start.traceHeader() != null) {
      TraceContext.fromHeader(start.traceHeader(), TraceContext.newSpanId(ThreadLocalRandom.current()))
          .ifPresent(t -> record.headers().add(TraceContext.HEADER, t.traceparent().getBytes(StandardCharsets.UTF_8)));
    }
    return record;
  }

  public void send(TaskResult result) {
    send(topics.taskResults(), result.executionArn(), WireJson.encode(result));
  }

  private void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    } catch (ExecutionException e) {
      throw cannotWrite(topic, e.getCause());
    }
  }

  private static RuntimeException cannotWrite(String topic, Throwable cause) {
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return AwsErrors.unavailable("Kafka did not accept the write to " + topic + " within "
          + (KAFKA_WAIT.toSeconds() + 5) + " s; retry the request");
    }
    return new IllegalStateException("cannot write to " + topic + ": " + cause.getMessage(), cause);
  }

  @Override
  public void close() {
    producer.close();
  }
}
