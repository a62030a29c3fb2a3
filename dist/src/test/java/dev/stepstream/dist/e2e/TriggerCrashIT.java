package dev.stepstream.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.TriggerRecord;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once topic triggers across a hard crash: {@code stepstream serve} (API, trigger runner and
 * processor in one JVM, exactly-once profile) runs in a child process and is killed with SIGKILL
 * while records flow into a six-partition topic; a second child with the same state directory takes
 * over. Every matching record has started exactly one execution, and each finished exactly once.
 */
@ExtendWith(KafkaClusterExtension.class)
class TriggerCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerCrashIT.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** The 10,000 by default; {@code -DtriggerCrash.records=N} changes it (docs/triggers.md). */
  private static final int RECORDS = Integer.getInteger("triggerCrash.records", 10_000);
  private static final int BATCH = Math.max(50, RECORDS / 40);
  private static final String ACCOUNT = "123456789012";
  private static final String MACHINE = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:PaidOrders";
  private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  @TempDir Path dir;

  @Test
  void shouldStartOneExecutionPerMatchingRecordWhenTheProcessRunningTheTriggerIsKilled(KafkaCluster kafka)
      throws Exception {
    long began = System.nanoTime();
    String prefix = "tcrash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    TopicCatalogue topics = TopicCatalogue.load(prefix);
    String source = prefix + "orders";
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 6, (short) 1);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      provisioner.ensureCatalogueTopics();
      admin.createTopics(List.of(new NewTopic(source, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
      send(producer, topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE, "PaidOrders",
          StateMachineRecord.KIND_STATE_MACHINE, PASS, "STANDARD", "", "r1", 1L, 1L)));
      String trigger = "arn:aws:states:us-east-1:" + ACCOUNT + ":trigger:paid";
      send(producer, topics.definitions(), trigger, WireJson.encode(new TriggerRecord(1, trigger, "paid", source,
          MACHINE, JSON.objectNode().set("value", JSON.objectNode().set("kind", JSON.arrayNode().add("paid"))),
          "{\"id\": $record.value.id}", null, TriggerRecord.EARLIEST, null, TriggerRecord.ACTIVE, 1L, 1L)));

      Process first = serve(kafka, prefix, "first");
      AtomicReference<Exception> producing = new AtomicReference<>();
      Thread flow = new Thread(() -> produceOrders(producer, source, producing), "orders-producer");
      flow.start();
      Eventually.await(Duration.ofSeconds(60), () -> assertThat(starts(kafka, topics)).hasSizeGreaterThan(150));
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int startedAtKill = starts(kafka, topics).size();
      long killedAt = System.nanoTime();

      Process second = serve(kafka, prefix, "second");
      try {
        List<Integer> expected = IntStream.range(0, RECORDS).filter(i -> i % 2 == 0).boxed().toList();
        Eventually.await(Duration.ofSeconds(120 + RECORDS / 50), () -> assertThat(starts(kafka, topics)).hasSizeGreaterThanOrEqualTo(
            expected.size()));
        long recoveredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        flow.join(60_000);
        assertThat(producing.get()).isNull();
        Map<String, List<String>> statuses = Eventually.await(Duration.ofSeconds(240 + RECORDS / 25), () -> {
          Map<String, List<String>> s = statusEvents(kafka, topics);
          assertThat(s).hasSize(expected.size());
          return s;
        });
        Thread.sleep(2_000);
        List<StartExecution> starts = starts(kafka, topics);
        String figures = String.format("%d records, %d starts committed at the kill, %d in the end; all started %d ms"
            + " after the kill; %d s in all", RECORDS, startedAtKill, starts.size(), recoveredAfterMs,
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
        LOG.info(figures);
        Files.writeString(Path.of("target", "trigger-crash-it", "figures.txt"), figures + System.lineSeparator());
        assertThat(startedAtKill).as("starts before the kill").isLessThan(expected.size());
        assertThat(starts).extracting(s -> s.input().path("id").asInt())
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(starts).extracting(StartExecution::name).doesNotHaveDuplicates();
        assertThat(statuses.values()).allSatisfy(s -> assertThat(s).containsExactly("RUNNING", "SUCCEEDED"));
      } finally {
        second.destroy();
        second.waitFor(20, TimeUnit.SECONDS);
        second.destroyForcibly();
      }
    }
  }

  /** Half the records are paid orders, in 40 paced batches, so records still flow at the kill. */
  private static void produceOrders(KafkaProducer<String, byte[]> producer, String topic,
      AtomicReference<Exception> failure) {
    try {
      for (int i = 0; i < RECORDS; i++) {
        String value = "{\"kind\":\"" + (i % 2 == 0 ? "paid" : "open") + "\",\"id\":" + i + "}";
        producer.send(new ProducerRecord<>(topic, "k" + i, value.getBytes(StandardCharsets.UTF_8)));
        if (i % BATCH == BATCH - 1) {
          producer.flush();
          Thread.sleep(200); // pacing: the flow spans the kill and the restart
        }
      }
      producer.flush();
    } catch (Exception e) {
      failure.set(e);
    }
  }

  /** The committed start commands on the commands topic. */
  private static List<StartExecution> starts(KafkaCluster kafka, TopicCatalogue topics) {
    List<StartExecution> starts = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : readCommitted(kafka, topics.commands())) {
      if (WireJson.decode(r.value(), WireRecord.class) instanceof StartExecution s) {
        starts.add(s);
      }
    }
    return starts;
  }

  /** The committed status-change events, per execution in order. */
  private static Map<String, List<String>> statusEvents(KafkaCluster kafka, TopicCatalogue topics) throws Exception {
    Map<String, List<String>> byExecution = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : readCommitted(kafka, topics.events())) {
      JsonNode event = WireJson.mapper().readTree(r.value());
      byExecution.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event.path("detail").path("status").asText());
    }
    return byExecution;
  }

  private static List<ConsumerRecord<String, byte[]>> readCommitted(KafkaCluster kafka, String topic) {
    List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(all::add);
      }
    }
    return all;
  }

  /** A child {@code serve}; its output goes to {@code target/trigger-crash-it/<name>.log}, kept for a failure's reader. */
  private Process serve(KafkaCluster kafka, String prefix, String name) throws Exception {
    Path logs = Files.createDirectories(Path.of("target", "trigger-crash-it"));
    Path log = logs.resolve(name + ".log");
    // A short session timeout: the second child need not wait 45 s for the killed one to leave the group.
    Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
        "-Dstepstream.streams.session.timeout.ms=6000", "-Dstepstream.streams.heartbeat.interval.ms=1000",
        "dev.stepstream.server.cli.Main", "serve", "--kafka", kafka.bootstrapServers(), "--port", "0",
        "--topic-prefix", prefix, "--state-dir", dir.resolve("state").toString(), "--auth", "none",
        "--token-keys", dir.resolve("token-keys").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Eventually.await(Duration.ofSeconds(180), () -> {
        String out = Files.exists(log) ? Files.readString(log) : "";
        if (!out.contains("Press Ctrl-C to stop") && !child.isAlive()) {
          throw new IllegalStateException("serve exited early:\n" + out);
        }
        assertThat(out).as("log of serve").contains("Press Ctrl-C to stop");
      });
      return child;
    } catch (AssertionError e) {
      child.destroyForcibly();
      throw e;
    }
  }

  private static KafkaProducer<String, byte[]> producer(KafkaCluster kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
  }
}
