package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parents with {@code .sync:2} children complete exactly once when the engine's JVM (processor and
 * integration runner) is killed with SIGKILL while children run: after a restart every parent
 * succeeds once, every child was started once and answered its parent once (read_committed).
 */
@ExtendWith(KafkaClusterExtension.class)
class NestedExecutionsCrashIT {
  private static final int PARENTS = 8;
  private static final int LINES = 3;
  private static final String SLOW_CHILD = """
      {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":1,"Next":"Done"},
        "Done":{"Type":"Pass","Parameters":{"shipped.$":"$.item.order"},"End":true}}}""";

  @TempDir Path dir;

  @Test
  void shouldCompleteEveryParentOnceAndStartEveryChildOnceAcrossAKill(KafkaCluster kafka) throws Exception {
    String prefix = "it-nest-crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    TopicCatalogue topics = TopicCatalogue.load(prefix);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    String applicationId = "it-nest-crash-" + UUID.randomUUID();
    List<String> parents = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = IntegrationRunnerIT.producer(kafka)) {
      NestedExecutionsIT.define(producer, topics, NestedExecutionsIT.CHILD, "Pack", SLOW_CHILD);
      NestedExecutionsIT.define(producer, topics, NestedExecutionsIT.PARENT, "Orders", NestedExecutionsIT.PARENT_DEFINITION);
      for (int p = 0; p < PARENTS; p++) {
        StringBuilder orders = new StringBuilder("[");
        for (int l = 0; l < LINES; l++) {
          orders.append(l == 0 ? "" : ",").append("{\"order\":").append(p * 10 + l).append("}");
        }
        parents.add(NestedExecutionsIT.start(producer, topics, "crash-" + p, orders.append("]").toString()));
      }
    }

    Process first = engine(kafka, prefix, applicationId, "first");
    try {
      awaitChildStarts(kafka, topics, PARENTS * LINES / 3);
    } finally {
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Process second = engine(kafka, prefix, applicationId, "second");
    try {
      for (ExecutionSummary done : awaitAllFinished(kafka, topics, parents)) {
        assertThat(done.status()).as(done.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).hasSize(LINES);
        done.output().forEach(child -> assertThat(child.get("Status").asText()).isEqualTo("SUCCEEDED"));
      }
      Map<String, Integer> finished = new HashMap<>();
      for (ConsumerRecord<String, byte[]> r : readAll(kafka, topics.executions())) {
        ExecutionSummary s = WireJson.decode(r.value(), ExecutionSummary.class);
        if (parents.contains(s.executionArn()) && s.status() == ExecutionStatus.SUCCEEDED) {
          finished.merge(s.executionArn(), 1, Integer::sum);
        }
      }
      assertThat(finished).hasSize(PARENTS).allSatisfy((arn, count) -> assertThat(count).as(arn).isEqualTo(1));
      List<String> childStarts = childStarts(readAll(kafka, topics.commands()));
      assertThat(childStarts).hasSize(PARENTS * LINES).doesNotHaveDuplicates();
      long answers = readAll(kafka, topics.taskResults()).stream().filter(r -> parents.contains(r.key())).count();
      assertThat(answers).as("children's answers to their parents").isEqualTo(PARENTS * LINES);
    } finally {
      second.destroyForcibly();
    }
  }

  /** The first final summary of each parent, read by one consumer. */
  private static List<ExecutionSummary> awaitAllFinished(KafkaCluster kafka, TopicCatalogue topics, List<String> parents) {
    Map<String, ExecutionSummary> finished = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = IntegrationRunnerIT.consumer(kafka)) {
      consumer.subscribe(List.of(topics.executions()));
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (finished.size() < parents.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() != null && parents.contains(r.key())) {
            ExecutionSummary s = WireJson.decode(r.value(), ExecutionSummary.class);
            if (s.status().finished()) {
              finished.putIfAbsent(s.executionArn(), s);
            }
          }
        }
      }
    }
    assertThat(finished.keySet()).as("parents finished after the restart").containsExactlyInAnyOrderElementsOf(parents);
    return List.copyOf(finished.values());
  }

  private static List<String> childStarts(List<ConsumerRecord<String, byte[]>> commands) {
    List<String> starts = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : commands) {
      JsonNode command = readTree(r.value());
      if ("StartExecution".equals(command.path("type").asText())
          && NestedExecutionsIT.CHILD.equals(command.path("stateMachineArn").asText())) {
        starts.add(WireJson.decode(r.value(), StartExecution.class).executionArn());
      }
    }
    return starts;
  }

  private static void awaitChildStarts(KafkaCluster kafka, TopicCatalogue topics, int count) {
    Eventually.await(Duration.ofSeconds(120), () -> {
      assertThat(childStarts(readAll(kafka, topics.commands()))).hasSizeGreaterThanOrEqualTo(count);
    });
  }

  /** Every committed record of a topic so far. */
  private static List<ConsumerRecord<String, byte[]>> readAll(KafkaCluster kafka, String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = IntegrationRunnerIT.consumer(kafka)) {
      consumer.subscribe(List.of(topic));
      long quietSince = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
        var batch = consumer.poll(Duration.ofMillis(200));
        if (!batch.isEmpty()) {
          batch.forEach(r -> {
            if (r.value() != null) {
              records.add(r);
            }
          });
          quietSince = System.nanoTime();
        }
      }
    }
    return records;
  }

  private static JsonNode readTree(byte[] value) {
    try {
      return WireJson.mapper().readTree(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Process engine(KafkaCluster kafka, String prefix, String applicationId, String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
        "-D" + IntegrationRunner.CONSUMER_PROPERTY_PREFIX + "session.timeout.ms=6000",
        "-D" + IntegrationRunner.CONSUMER_PROPERTY_PREFIX + "heartbeat.interval.ms=1000",
        NestedEngineChild.class.getName(), kafka.bootstrapServers(), prefix, applicationId,
        dir.resolve("state").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Eventually.await(Duration.ofSeconds(120), () -> {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (!child.isAlive()) {
        throw new IllegalStateException("the engine exited early:\n" + out);
      }
      assertThat(out).contains("engine started");
    });
    return child;
  }
}
