package dev.stepstream.examples.imagepipeline.dev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.examples.imagepipeline.SampleImages;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The user's image pipeline as dev runs it: its definition (the seed, byte for byte) registered
 * on the definitions topic, and one sample execution so a newcomer sees it complete. Dev reaches it
 * through {@link ImagePipelineDevExtension}.
 */
final class ExampleImagePipeline {
  static final String NAME = "ImagePipeline";
  private static final String DEFINITION_RESOURCE = "/dev/stepstream/examples/imagepipeline/definition.json";

  private final String bootstrapServers;
  private final TopicCatalogue topics;
  private final String region;
  private final String account;

  ExampleImagePipeline(String bootstrapServers, TopicCatalogue topics, String region, String account) {
    this.bootstrapServers = bootstrapServers;
    this.topics = topics;
    this.region = region;
    this.account = account;
  }

  String stateMachineArn() {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + NAME;
  }

  static String definition() {
    try (InputStream in = ExampleImagePipeline.class.getResourceAsStream(DEFINITION_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the example definition " + DEFINITION_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the state machine to the definitions topic (idempotent: same ARN, same revision). */
  void register() {
    long now = System.currentTimeMillis();
    String definition = definition();
    StateMachineRecord record = new StateMachineRecord(WireVersions.CURRENT,
        stateMachineArn(), NAME, StateMachineRecord.KIND_STATE_MACHINE, definition,
        "STANDARD", "arn:aws:iam::" + account + ":role/StepstreamDev",
        UUID.nameUUIDFromBytes(definition.getBytes(StandardCharsets.UTF_8)).toString(), now, now);
    send(topics.definitions(), stateMachineArn(), WireJson.encode(record));
  }

  /** Starts one execution on a freshly drawn sample image and waits for it to finish. */
  Optional<ExecutionSummary> runSample(Path sampleDir, Duration timeout) {
    Path image;
    try {
      image = SampleImages.writeSamplePng(sampleDir.resolve("amostra.png"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sample image", e);
    }
    String name = "amostra-" + UUID.randomUUID().toString().substring(0, 8);
    String executionArn = "arn:aws:states:" + region + ":" + account + ":execution:" + NAME + ":" + name;
    JsonNode input = WireJson.mapper().createObjectNode().put("imagem", image.toString()).put("nome", name);
    try (KafkaConsumer<String, byte[]> consumer = summaries()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topics.executions()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      send(topics.commands(), executionArn,
          WireJson.encode(new StartExecution(WireVersions.CURRENT,
              executionArn, stateMachineArn(), name, input, System.currentTimeMillis())));
      return awaitFinished(consumer, executionArn, timeout);
    }
  }

  private static Optional<ExecutionSummary> awaitFinished(
      KafkaConsumer<String, byte[]> consumer, String executionArn, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
        if (executionArn.equals(r.key())) {
          ExecutionSummary summary = WireJson.decode(r.value(), ExecutionSummary.class);
          if (summary.status() != ExecutionStatus.RUNNING) {
            return Optional.of(summary);
          }
        }
      }
    }
    return Optional.empty();
  }

  private KafkaConsumer<String, byte[]> summaries() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer());
  }

  private void send(String topic, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + topic, e);
    }
  }
}
