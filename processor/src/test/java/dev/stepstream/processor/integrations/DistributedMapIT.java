package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.IntegrationRunnerIT.awaitFinished;
import static dev.stepstream.processor.integrations.IntegrationRunnerIT.producer;
import static dev.stepstream.processor.integrations.IntegrationRunnerIT.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed Maps on a real broker, their items as child executions spread over the partitions: a
 * JSON Lines file in, manifest files out; a topic range in, a topic out; a stopped parent aborts its
 * running children.
 */
@ExtendWith(KafkaClusterExtension.class)
class DistributedMapIT {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedMapIT.class);
  private static final String ACCOUNT = "123456789012";
  private static final String MACHINE = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:Dmap";
  /** {@code -Ddmap.lines=N} turns the first test into a throughput measurement (docs/performance.md). */
  private static final int LINES = Integer.getInteger("dmap.lines", 1_200);

  @TempDir
  Path stateDir;
  @TempDir
  Path objects;

  @AfterEach
  void clearRoot() {
    System.clearProperty(MapRunSettings.OBJECT_STORE_ROOT);
  }

  @Test
  void shouldMapOverAJsonLinesFileAndWriteTheManifestLayout(KafkaCluster kafka) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      lines.append("{\"n\":").append(i).append("}\n");
    }
    Files.createDirectories(objects.resolve("data"));
    Files.writeString(objects.resolve("data/items.jsonl"), lines);
    String definition = """
        {"StartAt":"M","States":{"M":{"Type":"Map","Label":"Lines","MaxConcurrency":500,
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
            "Parameters":{"Bucket":"data","Key.$":"$.key"}},
          "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"twice.$":"States.MathAdd($.n, $.n)"},"End":true}}},
          "End":true}}}""";

    long started = System.nanoTime();
    ExecutionSummary summary = run(kafka, definition, "{\"key\":\"items.jsonl\"}", "lines");
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.info("Distributed Map over {} JSON Lines took {} ms ({} items/s, including processor start)", LINES, millis,
        LINES * 1000L / Math.max(1, millis));

    assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode details = summary.output().get("ResultWriterDetails");
    assertThat(details.get("Bucket").asText()).isEqualTo("out");
    assertThat(summary.output().get("MapRunArn").asText())
        .startsWith("arn:aws:states:us-east-1:" + ACCOUNT + ":mapRun:Dmap/Lines:");
    JsonNode manifest = WireJson.mapper().readTree(objects.resolve("out").resolve(details.get("Key").asText()).toFile());
    // One part per page of at most 1,000 items, in page order.
    JsonNode parts = manifest.at("/ResultFiles/SUCCEEDED");
    assertThat(parts).hasSize((LINES + 999) / 1000);
    List<JsonNode> results = new java.util.ArrayList<>();
    for (JsonNode part : parts) {
      WireJson.mapper().readTree(objects.resolve("out").resolve(part.get("Key").asText()).toFile()).forEach(results::add);
    }
    assertThat(results).hasSize(LINES);
    JsonNode last = results.get(LINES - 1);
    assertThat(last.get("ExecutionArn").asText())
        .startsWith("arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Dmap/Lines:").endsWith(":" + last.get("Name").asText());
    assertThat(last.get("StateMachineArn").asText()).isEqualTo(MACHINE + "/Lines");
    assertThat(last.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(WireJson.mapper().readTree(last.get("Input").asText()).get("n").asInt()).isEqualTo(LINES - 1);
    assertThat(WireJson.mapper().readTree(last.get("Output").asText()).get("twice").asInt())
        .isEqualTo(2 * (LINES - 1));
    assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
    // Each child is an execution of its own, keyed by its ARN: the children land on every partition.
    var childSummaries = readAll(kafka, lastTopics.executions(), 2 * LINES + 2, Duration.ofSeconds(10)).stream()
        .filter(r -> r.key().contains(":execution:Dmap/Lines:")).toList();
    assertThat(childSummaries.stream().map(r -> r.key()).distinct().count()).isEqualTo(LINES);
    assertThat(childSummaries.stream().map(r -> r.partition()).distinct().count()).isEqualTo(2);
  }

  @Test
  void shouldMapOverATopicRangeAndWriteResultsToATopic(KafkaCluster kafka) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String source = "it-dmap-source-" + suffix;
    String target = "it-dmap-results-" + suffix;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(source, 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
      for (int i = 0; i < 50; i++) {
        producer.send(new ProducerRecord<>(source, "k" + i, ("{\"n\":" + i + "}").getBytes())).get();
      }
    }
    String definition = """
        {"StartAt":"M","States":{"M":{"Type":"Map",
          "ItemReader":{"Resource":"arn:aws:states:::kafka:getRecords",
            "Parameters":{"Topic":"%s","StartOffset":10,"EndOffset":40}},
          "ItemSelector":{"n.$":"$$.Map.Item.Value.Value.n","offset.$":"$$.Map.Item.Value.Offset"},
          "ResultWriter":{"Resource":"arn:aws:states:::kafka:publish","Parameters":{"Topic":"%s"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
          "End":true}}}""".formatted(source, target);

    ExecutionSummary summary = run(kafka, definition, "{}", "range");

    assertThat(summary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(summary.output().at("/ResultWriterDetails/Records").asInt()).isEqualTo(30);
    var records = readAll(kafka, target, 30, Duration.ofSeconds(30));
    assertThat(records).hasSize(30);
    JsonNode first = WireJson.mapper().readTree(records.get(0).value());
    assertThat(first.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(first.get("Output")).isEqualTo(WireJson.mapper().readTree("{\"n\":10,\"offset\":10}"));
    assertThat(records.get(0).key()).isEqualTo(summary.output().get("MapRunArn").asText());
  }

  @Test
  void shouldAbortTheRunningChildrenWhenTheParentIsStopped(KafkaCluster kafka) throws Exception {
    String definition = """
        {"StartAt":"M","States":{"M":{"Type":"Map","Label":"Slow","MaxConcurrency":4,"ItemsPath":"$.items",
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}},
          "End":true}}}""";
    String execution = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Dmap:stopped";
    try (Running running = launch(kafka, definition, "{\"items\":[1,2,3,4,5,6,7,8]}", "stopped")) {
      List<String> started = awaitRunningChildren(kafka, running.topics().executions(), 4);
      running.producer().send(new ProducerRecord<>(running.topics().commands(), execution, WireJson.encode(
          new StopExecution(1, execution, "Stopped", "by the test", System.currentTimeMillis())))).get();

      assertThat(awaitFinished(kafka, running.topics().executions(), execution, Duration.ofSeconds(60)).status())
          .isEqualTo(ExecutionStatus.ABORTED);
      assertThat(started).hasSize(4);
      for (String child : started) {
        assertThat(awaitFinished(kafka, running.topics().executions(), child, Duration.ofSeconds(60)).status())
            .as(child).isEqualTo(ExecutionStatus.ABORTED);
      }
    }
  }

  /** The ARNs of the first {@code count} running Map Run children on the executions topic. */
  private static List<String> awaitRunningChildren(KafkaCluster kafka, String topic, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    while (found.size() < count && System.nanoTime() < deadline) {
      for (var r : readAll(kafka, topic, count + 1, Duration.ofSeconds(2))) {
        ExecutionSummary s = WireJson.decode(r.value(), ExecutionSummary.class);
        if (s.mapRunArn() != null && s.status() == ExecutionStatus.RUNNING) {
          found.add(s.executionArn());
        }
      }
    }
    return List.copyOf(found);
  }

  private record Running(TopicCatalogue topics, StepstreamProcessor processor, IntegrationRunner runner,
      KafkaProducer<String, byte[]> producer) implements AutoCloseable {
    @Override
    public void close() {
      producer.close();
      runner.close();
      processor.close();
    }
  }

  private TopicCatalogue lastTopics;

  private Running launch(KafkaCluster kafka, String definition, String input, String name) throws Exception {
    TopicCatalogue topics = TopicCatalogue.load("it-dmap-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "it-" + UUID.randomUUID(), topics,
        stateDir, Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    String execution = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Dmap:" + name;
    StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
    IntegrationRunner runner = IntegrationRunner.start(kafka.bootstrapServers(), topics, config.applicationId(), "it",
        IntegrationSettings.defaults(topics.prefix()));
    KafkaProducer<String, byte[]> producer = producer(kafka);
    producer.send(new ProducerRecord<>(topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE,
        "Dmap", StateMachineRecord.KIND_STATE_MACHINE, definition, "STANDARD", "", "r1", 1L, 1L)))).get();
    producer.send(new ProducerRecord<>(topics.commands(), execution, WireJson.encode(new StartExecution(1, execution,
        MACHINE, name, WireJson.mapper().readTree(input), System.currentTimeMillis())))).get();
    return new Running(topics, processor, runner, producer);
  }

  private ExecutionSummary run(KafkaCluster kafka, String definition, String input, String name) throws Exception {
    System.setProperty(MapRunSettings.OBJECT_STORE_ROOT, objects.toString());
    TopicCatalogue topics = TopicCatalogue.load("it-dmap-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    lastTopics = topics;
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 2, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "it-" + UUID.randomUUID(), topics,
        stateDir, Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    String execution = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:Dmap:" + name;
    try (StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
        IntegrationRunner runner = IntegrationRunner.start(kafka.bootstrapServers(), topics, config.applicationId(), "it",
            IntegrationSettings.defaults(topics.prefix()));
        KafkaProducer<String, byte[]> producer = producer(kafka)) {
      producer.send(new ProducerRecord<>(topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE,
          "Dmap", StateMachineRecord.KIND_STATE_MACHINE, definition, "STANDARD", "", "r1", 1L, 1L)))).get();
      producer.send(new ProducerRecord<>(topics.commands(), execution, WireJson.encode(new StartExecution(1, execution,
          MACHINE, name, WireJson.mapper().readTree(input), System.currentTimeMillis())))).get();
      return awaitFinished(kafka, topics.executions(), execution, Duration.ofSeconds(120 + LINES / 100));
    }
  }

}
