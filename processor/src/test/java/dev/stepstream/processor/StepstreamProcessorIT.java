package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaClusterExtension.class)
class StepstreamProcessorIT {
  private static final String PIPELINE = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:lambda:REGIAO:ID:function:EchoA", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 2, "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:lambda:REGIAO:ID:function:EchoB", "End": true}}}
      """;

  @Test
  void shouldRunExecutionsToCompletionOnARealBrokerWithExactlyOnce(KafkaCluster kafka, @TempDir Path stateDir)
      throws Exception {
    TopicCatalogue topics = provisionTopics(kafka, "it-", 3, "EchoA", "EchoB");
    String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:Echo";
    ProcessorConfig config = ProcessorConfig.defaults(kafka.bootstrapServers(), stateDir)
        .withApplicationId("it-" + UUID.randomUUID());
    config = new ProcessorConfig(config.bootstrapServers(), config.applicationId(), topics, stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());

    try (StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
        EchoWorker worker = new EchoWorker(kafka.bootstrapServers(),
            List.of(topics.taskTopic("EchoA"), topics.taskTopic("EchoB")), topics.taskResults());
        KafkaProducer<String, byte[]> producer = producer(kafka)) {
      producer.send(new ProducerRecord<>(topics.definitions(), machine, WireJson.encode(new StateMachineRecord(1, machine,
          "Echo", StateMachineRecord.KIND_STATE_MACHINE, PIPELINE, "STANDARD", "", "r1", 1L, 1L)))).get();
      // No wait for the definitions global store: a start that arrives first is parked and retried.
      int executions = 20;
      for (int i = 0; i < executions; i++) {
        String arn = "arn:aws:states:us-east-1:123456789012:execution:Echo:e" + i;
        producer.send(new ProducerRecord<>(topics.commands(), arn, WireJson.encode(new StartExecution(1, arn, machine,
            "e" + i, JsonNodeFactory.instance.objectNode().put("n", i), System.currentTimeMillis()))));
      }
      producer.flush();

      Map<String, ExecutionSummary> finished = awaitFinished(kafka, topics.executions(), executions, Duration.ofSeconds(60));

      assertThat(finished).hasSize(executions);
      assertThat(finished.values()).allSatisfy(s -> {
        assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(s.output().path("handledByEchoA").asBoolean()).isTrue();
        assertThat(s.output().path("handledByEchoB").asBoolean()).isTrue();
        assertThat(s.stopDate() - s.startDate()).isGreaterThanOrEqualTo(2_000);
      });
      assertThat(processor.execution("arn:aws:states:us-east-1:123456789012:execution:Echo:e0"))
          .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
      assertThat(processor.metrics().deadLetteredCount()).isZero();
    }
  }

  /** A fresh catalogue under a unique prefix, with its topics and the given task topics created. */
  static TopicCatalogue provisionTopics(KafkaCluster kafka, String prefix, int partitions, String... tasks) {
    TopicCatalogue topics = TopicCatalogue.load(prefix + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, partitions, (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of(tasks));
    }
    return topics;
  }

  static KafkaProducer<String, byte[]> producer(KafkaCluster kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer());
  }

  static Map<String, ExecutionSummary> awaitFinished(KafkaCluster kafka, String topic, int count, Duration timeout) {
    Map<String, ExecutionSummary> finished = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (finished.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          ExecutionSummary s = WireJson.decode(r.value(), ExecutionSummary.class);
          if (s.status() != ExecutionStatus.RUNNING) {
            finished.put(r.key(), s);
          }
        }
      }
    }
    return finished;
  }
}
