package dev.stepstream.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.TaskWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast (at-least-once) profile survives a hard crash: {@code stepstream serve} runs in a child
 * JVM, is killed with SIGKILL while executions are in flight, and a new child with the same
 * application id and state directory finishes every execution exactly once, with dense history ids.
 *
 * <p>A kill rarely lands in the window that matters (state changelog written, outputs not), so the
 * test makes it certain: before the restart it rewinds the processor's committed input offsets to
 * the start (the restored state is then ahead of every input) and deletes the task requests no
 * worker had read yet (the outputs the crash "lost"). Only re-emitting the outputs of a duplicate
 * last input gets those executions going again.
 */
@ExtendWith(KafkaClusterExtension.class)
class CrashRecoveryIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int EXECUTIONS = 100;
  /** The application id {@code serve} uses. */
  private static final String APPLICATION_ID = "stepstream";
  private static final String ACCOUNT = "123456789012";
  private static final String MACHINE = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:ThreeSteps";
  private static final String DEFINITION = """
      {"StartAt": "One", "States": {
        "One": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo", "Next": "Two"},
        "Two": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo", "Next": "Three"},
        "Three": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo", "End": true}}}
      """;

  private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private final AtomicInteger handled = new AtomicInteger();
  @TempDir Path dir;

  @Test
  void shouldFinishEveryExecutionExactlyOnceAfterTheProcessorIsKilled(KafkaCluster kafka) throws Exception {
    String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    TopicCatalogue topics = TopicCatalogue.load(prefix);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 6, (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of("Echo"));
    }
    try (TopicCollector collected = new TopicCollector(kafka.bootstrapServers(), topics);
        KafkaProducer<String, byte[]> producer = producer(kafka);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      send(producer, topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE, "ThreeSteps",
          StateMachineRecord.KIND_STATE_MACHINE, DEFINITION, "STANDARD", "", "r1", 1L, 1L)));
      Process first = serve(kafka, prefix, "first");
      TaskWorker firstWorker = worker(kafka, prefix, 4, Duration.ofMillis(40));
      List<String> arns = new ArrayList<>();
      for (int i = 0; i < EXECUTIONS; i++) {
        String arn = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:ThreeSteps:run-" + i;
        arns.add(arn);
        send(producer, topics.commands(), arn, WireJson.encode(
            new StartExecution(1, arn, MACHINE, "run-" + i, JSON.objectNode().put("steps", 0), System.currentTimeMillis())));
      }
      awaitFinished(collected, EXECUTIONS / 4, Duration.ofSeconds(30));
      firstWorker.close();
      Thread.sleep(300); // a pause, not a poll: the processor applies the closing worker's last results before the kill
      first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      int finishedAtCrash = collected.finishedCount();
      // Make the crash window certain: the restored state is ahead of every committed input offset, and
      // the task requests the killed processor wrote after its last results never reach a worker.
      dropUndeliveredTaskRequests(admin, topics.taskTopic("Echo"));
      rewindProcessorInputs(admin, List.of(topics.commands(), topics.taskResults()));

      Process second = serve(kafka, prefix, "second");
      try (TaskWorker secondWorker = worker(kafka, prefix, 16, Duration.ZERO)) {
        awaitFinished(collected, EXECUTIONS, Duration.ofSeconds(30));
        assertThat(finishedAtCrash).as("executions finished before the kill").isLessThan(EXECUTIONS);
        LOG.info("{} executions had finished at the kill; the workers handled {} requests for {} tasks; {} history"
            + " records for {} events", finishedAtCrash, handled.get(), 3 * EXECUTIONS,
            arns.stream().mapToInt(a -> collected.history(a).size()).sum(),
            arns.stream().mapToLong(a -> collected.history(a).stream().map(HistoryEvent::id).distinct().count()).sum());
        for (String arn : arns) {
          assertFinishedOnce(collected, arn);
          assertHistoryDenseAndUnique(awaitCompleteHistory(collected, arn));
        }
      } finally {
        second.destroy();
        second.waitFor(20, TimeUnit.SECONDS);
        second.destroyForcibly();
      }
    }
  }

  /**
   * @param pace a delay per task: the first worker is slowed down so that, on a fast machine too,
   *     most executions are still in flight when the processor is killed
   */
  private TaskWorker worker(KafkaCluster kafka, String prefix, int concurrency, Duration pace) {
    return TaskWorker.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(prefix)
        .task("Echo").concurrency(concurrency).handler((input, ctx) -> {
          Thread.sleep(pace.toMillis()); // pacing, see above
          return step(input, handled);
        }).build().start();
  }

  private static void dropUndeliveredTaskRequests(Admin admin, String taskTopic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = partitions(admin, List.of(taskTopic)).stream()
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    Map<TopicPartition, RecordsToDelete> all = new HashMap<>();
    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> all.put(tp, RecordsToDelete.beforeOffset(info.offset())));
    admin.deleteRecords(all).all().get(30, TimeUnit.SECONDS);
  }

  /** Retries until the killed member has left the group (its session timed out). */
  private static void rewindProcessorInputs(Admin admin, List<String> inputTopics) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> start = partitions(admin, inputTopics).stream()
        .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
    Eventually.await(Duration.ofSeconds(30), () -> {
      try {
        admin.alterConsumerGroupOffsets(APPLICATION_ID, start).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw new AssertionError("offsets not reset yet: " + e.getMessage(), e);
      }
    });
  }

  private static List<TopicPartition> partitions(Admin admin, List<String> topics) throws Exception {
    return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
  }

  /** The echo worker counts the steps it ran into the payload. */
  private static JsonNode step(JsonNode input, AtomicInteger handled)
      throws InterruptedException {
    handled.incrementAndGet();
    Thread.sleep(5); // the task's work
    ObjectNode out = input.deepCopy();
    return out.put("steps", input.path("steps").asInt() + 1);
  }

  private Process serve(KafkaCluster kafka, String prefix, String name) throws Exception {
    Path log = dir.resolve(name + ".log");
    // A short session timeout: the second child need not wait 45 s for the killed one to leave the group.
    Process child = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
        "-Dstepstream.streams.session.timeout.ms=6000", "-Dstepstream.streams.heartbeat.interval.ms=1000",
        "dev.stepstream.server.cli.Main", "serve", "--kafka", kafka.bootstrapServers(), "--port", "0",
        "--topic-prefix", prefix, "--state-dir", dir.resolve("state").toString(), "--profile", "FAST", "--auth", "none",
        "--token-keys", dir.resolve("token-keys").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Eventually.await(Duration.ofSeconds(60), () -> {
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

  private static void assertFinishedOnce(TopicCollector collected, String arn) {
    List<JsonNode> terminal = collected.terminalSummaries(arn);
    assertThat(terminal).as("terminal summaries of %s", arn).isNotEmpty()
        .allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("SUCCEEDED"));
    assertThat(terminal.stream().map(s -> s.path("output")).collect(Collectors.toSet()))
        .as("outputs of %s", arn).containsExactly(JSON.objectNode().put("steps", 3));
  }

  private static List<HistoryEvent> awaitCompleteHistory(TopicCollector collected, String arn) {
    return Eventually.await(Duration.ofSeconds(10), () -> {
      List<HistoryEvent> events = collected.history(arn);
      assertThat(complete(events)).as("history of %s dense up to ExecutionSucceeded", arn).isTrue();
      return events;
    });
  }

  private static boolean complete(List<HistoryEvent> events) {
    Set<Long> ids = events.stream().map(HistoryEvent::id).collect(Collectors.toSet());
    long max = ids.stream().mapToLong(Long::longValue).max().orElse(0);
    return ids.size() == max && events.stream().anyMatch(e -> e.eventType().equals("ExecutionSucceeded"));
  }

  /** Ids 1..n with no gap; a repeated id is the same event (a re-emission), apart from its timestamp. */
  private static void assertHistoryDenseAndUnique(List<HistoryEvent> events) {
    Map<Long, Set<List<Object>>> byId = new TreeMap<>();
    for (HistoryEvent e : events) {
      byId.computeIfAbsent(e.id(), k -> new HashSet<>())
          .add(List.of(e.previousEventId(), e.eventType(), String.valueOf(e.details())));
    }
    String arn = events.isEmpty() ? "?" : events.get(0).executionArn();
    assertThat(byId.keySet()).as("history ids of %s", arn)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, byId.size()).boxed().toList());
    assertThat(byId.values()).as("distinct events per id of %s", arn).allSatisfy(v -> assertThat(v).hasSize(1));
    Map<String, Long> types = byId.values().stream().map(v -> (String) v.iterator().next().get(1))
        .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    assertThat(types).as("event types of %s", arn).containsEntry("LambdaFunctionScheduled", 3L)
        .containsEntry("LambdaFunctionSucceeded", 3L).containsEntry("ExecutionSucceeded", 1L);
  }

  private static void awaitFinished(TopicCollector collected, int count, Duration timeout) {
    Eventually.await(timeout, () -> assertThat(collected.finishedCount()).as("finished executions")
        .isGreaterThanOrEqualTo(count));
  }

  private static KafkaProducer<String, byte[]> producer(KafkaCluster kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
  }
}
