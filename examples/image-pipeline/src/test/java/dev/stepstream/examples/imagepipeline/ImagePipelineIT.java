package dev.stepstream.examples.imagepipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The three workers on a real broker, driven by hand the way the engine would drive them. */
@ExtendWith(KafkaClusterExtension.class)
class ImagePipelineIT {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Imagens:e1";

  @Test
  void shouldSaveProcessAndNotifyAnImageThroughTheThreeWorkers(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    String prefix = "img-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    kafka.createTopics(1, prefix + "task-results");
    Path foto = SampleImages.writeSamplePng(dir.resolve("entrada/foto.png"));

    try (ImagePipelineWorkers workers = ImagePipelineWorkers.start(kafka.bootstrapServers(), prefix, dir.resolve("store"));
        Pipeline pipeline = new Pipeline(kafka, prefix)) {
      JsonNode salva = pipeline.run(SalvarImagem.TASK, WireJson.mapper().createObjectNode().put("imagem", foto.toString()));
      JsonNode processada = pipeline.run(ProcessarImagem.TASK, salva);
      JsonNode notificada = pipeline.run(EnviarNotificacao.TASK, processada);

      assertThat(salva.get("arquivo").asText()).isEqualTo(dir.resolve("store/foto.png").toAbsolutePath().toString());
      assertThat(Files.exists(Path.of(processada.get("miniatura").asText()))).isTrue();
      assertThat(notificada.get("notificado").asBoolean()).isTrue();
      assertThat(notificada.get("larguraMiniatura").asInt()).isEqualTo(128);
      ConsumerRecord<String, JsonNode> notificacao = pipeline.notification(workers.notificationsTopic());
      assertThat(notificacao.key()).isEqualTo(ARN);
      assertThat(notificacao.value().get("miniatura").asText()).isEqualTo(processada.get("miniatura").asText());
    }
  }

  /** Plays the engine: sends each TaskRequest and waits for its result. */
  private static final class Pipeline implements AutoCloseable {
    private final KafkaCluster kafka;
    private final String prefix;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> results;
    private int step;

    Pipeline(KafkaCluster kafka, String prefix) {
      this.kafka = kafka;
      this.prefix = prefix;
      this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
          new StringSerializer(), new ByteArraySerializer());
      this.results = consumer(prefix + "task-results");
    }

    JsonNode run(String task, JsonNode input) throws Exception {
      String token = "token-" + (++step);
      TaskRequest request = new TaskRequest(WireVersions.CURRENT, ARN, token,
          "arn:aws:lambda:REGIAO:ID:function:" + task, task, task, input, 1, null, null,
          WireJson.mapper().createObjectNode(), System.currentTimeMillis());
      producer.send(new ProducerRecord<>(prefix + "tasks." + task, ARN, WireJson.encode(request))).get(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ofMillis(100))) {
          TaskResult result = WireJson.decode(r.value(), TaskResult.class);
          if (result.taskToken().equals(token)) {
            assertThat(result).as("result of %s", task).isInstanceOf(TaskSucceeded.class);
            return ((TaskSucceeded) result).output();
          }
        }
      }
      throw new AssertionError("no result for " + task + " within 20 s");
    }

    ConsumerRecord<String, JsonNode> notification(String topic) throws IOException {
      try (KafkaConsumer<String, byte[]> notifications = consumer(topic)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> r : notifications.poll(Duration.ofMillis(100))) {
            return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), WireJson.mapper().readTree(r.value()));
          }
        }
      }
      throw new AssertionError("no notification on " + topic);
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
      KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return consumer;
    }

    @Override
    public void close() {
      producer.close();
      results.close();
    }
  }
}
