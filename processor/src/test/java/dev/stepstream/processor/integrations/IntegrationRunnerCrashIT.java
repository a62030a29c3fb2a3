package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kafka:publish stays exactly once when the runner's JVM is killed with SIGKILL mid-stream: a second
 * runner with the same transactional id fences the first, its open transaction is aborted, and the
 * requests it had not committed run again, so every request lands once on the target topic and once
 * as a result, and each result names its own record.
 */
@ExtendWith(KafkaClusterExtension.class)
class IntegrationRunnerCrashIT {
  private static final int REQUESTS = 400;

  @TempDir Path dir;

  @Test
  void shouldPublishEveryRequestExactlyOnceAcrossAKill(KafkaCluster kafka) throws Exception {
    String prefix = "it-crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    TopicCatalogue topics = TopicCatalogue.load(prefix);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of("__kafka.publish"));
    }
    String target = prefix + "out";
    String applicationId = "it-crash-" + UUID.randomUUID();
    AtomicBoolean producing = new AtomicBoolean(true);
    Process first = runner(kafka, prefix, applicationId, "first");
    Thread requests = new Thread(() -> sendRequests(kafka, topics, target, producing));
    try {
      requests.start();
      try (KafkaConsumer<String, byte[]> watch = IntegrationRunnerIT.consumer(kafka)) {
        watch.subscribe(List.of(topics.taskResults()));
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (seen < REQUESTS / 4 && System.nanoTime() < deadline) {
          seen += watch.poll(Duration.ofMillis(50)).count();
        }
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(seen).as("results when the runner was killed").isBetween(REQUESTS / 4, REQUESTS - 1);
      }

      Process second = runner(kafka, prefix, applicationId, "second");
      try {
        requests.join(60_000);
        IntegrationRunnerIT.readAll(kafka, topics.taskResults(), REQUESTS, Duration.ofSeconds(90));
        // All results are in; a short second read shows whether there is any more than one per request.
        List<ConsumerRecord<String, byte[]>> results =
            IntegrationRunnerIT.readAll(kafka, topics.taskResults(), REQUESTS + 1, Duration.ofSeconds(3));
        List<ConsumerRecord<String, byte[]>> published =
            IntegrationRunnerIT.readAll(kafka, target, REQUESTS + 1, Duration.ofSeconds(3));

        assertThat(published).hasSize(REQUESTS);
        assertThat(results).hasSize(REQUESTS);
        Map<String, ConsumerRecord<String, byte[]>> byPlace = new HashMap<>();
        published.forEach(r -> byPlace.put(r.partition() + "@" + r.offset(), r));
        assertThat(published.stream().map(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)).distinct())
            .hasSize(REQUESTS);
        for (ConsumerRecord<String, byte[]> r : results) {
          TaskSucceeded result = WireJson.decode(r.value(), TaskSucceeded.class);
          JsonNode out = result.output();
          ConsumerRecord<String, byte[]> record = byPlace.get(out.get("Partition").asInt() + "@" + out.get("Offset").asLong());
          assertThat(record).as("the record named by the result of %s", result.taskToken()).isNotNull();
          assertThat(record.key()).isEqualTo(result.taskToken());
        }
      } finally {
        second.destroyForcibly();
      }
    } finally {
      producing.set(false);
      first.destroyForcibly();
    }
  }

  /** Requests at a steady pace, so that the kill lands while requests are being served. */
  private static void sendRequests(KafkaCluster kafka, TopicCatalogue topics, String target, AtomicBoolean producing) {
    try (KafkaProducer<String, byte[]> producer = IntegrationRunnerIT.producer(kafka)) {
      for (int i = 0; i < REQUESTS && producing.get(); i++) {
        String execution = "arn:aws:states:us-east-1:1:execution:Crash:e" + i;
        String token = "token-" + i;
        JsonNode input = WireJson.mapper().readTree("{\"Topic\":\"%s\",\"Key\":\"%s\",\"Value\":{\"n\":%d}}"
            .formatted(target, token, i));
        producer.send(new ProducerRecord<>(topics.taskTopic("__kafka.publish"), execution, WireJson.encode(
            new TaskRequest(1, execution, token, "arn:aws:states:::kafka:publish", "__kafka.publish", "Publish",
                input, 1, null, null, null, System.currentTimeMillis()))));
        if (i % 5 == 4) {
          producer.flush();
          Thread.sleep(100);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Process runner(KafkaCluster kafka, String prefix, String applicationId, String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
        "-D" + IntegrationRunner.CONSUMER_PROPERTY_PREFIX + "session.timeout.ms=6000",
        "-D" + IntegrationRunner.CONSUMER_PROPERTY_PREFIX + "heartbeat.interval.ms=1000",
        RunnerChild.class.getName(), kafka.bootstrapServers(), prefix, applicationId)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Eventually.await(Duration.ofSeconds(60), () -> {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (!child.isAlive()) {
        throw new IllegalStateException("the runner exited early:\n" + out);
      }
      assertThat(out).contains("runner started");
    });
    return child;
  }
}
