package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two instances share the partitions; one stops mid-run and restarts; no execution is lost or doubled. */
@ExtendWith(KafkaClusterExtension.class)
class ScaleOutIT {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Scale";
  private static final String DEFINITION = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:ScaleA", "Next": "Wait"},
        "Wait": {"Type": "Wait", "Seconds": 1, "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:ScaleB", "End": true}}}
      """;

  @Test
  void shouldCompleteEveryExecutionExactlyOnceWhenAnInstanceStopsAndRestarts(KafkaCluster kafka, @TempDir Path dir)
      throws Exception {
    TopicCatalogue topics = StepstreamProcessorIT.provisionTopics(kafka, "scale-", 4, "ScaleA", "ScaleB");
    String appId = "scale-" + UUID.randomUUID();
    int executions = 60;
    StepstreamProcessor first = start(kafka, topics, appId, dir.resolve("one"));
    StepstreamProcessor second = start(kafka, topics, appId, dir.resolve("two"));
    try (EchoWorker worker = new EchoWorker(kafka.bootstrapServers(),
            List.of(topics.taskTopic("ScaleA"), topics.taskTopic("ScaleB")), topics.taskResults());
        KafkaProducer<String, byte[]> producer = StepstreamProcessorIT.producer(kafka)) {
      producer.send(new ProducerRecord<>(topics.definitions(), MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE,
          "Scale", StateMachineRecord.KIND_STATE_MACHINE, DEFINITION, "STANDARD", "", "r1", 1L, 1L)))).get();
      // No wait for the definitions global store: a start that arrives first is parked and retried.
      for (int i = 0; i < executions; i++) {
        String arn = "arn:aws:states:us-east-1:123456789012:execution:Scale:s" + i;
        producer.send(new ProducerRecord<>(topics.commands(), arn, WireJson.encode(new StartExecution(1, arn, MACHINE,
            "s" + i, JsonNodeFactory.instance.objectNode().put("n", i), System.currentTimeMillis()))));
      }
      producer.flush();
      StepstreamProcessor stopping = second;
      Eventually.await(Duration.ofSeconds(30), () -> assertThat(stopping.metrics().appliedCount())
          .as("inputs the instance applied before it stops").isPositive());
      second.close();
      second = start(kafka, topics, appId, dir.resolve("two"));

      Map<String, ExecutionSummary> finished =
          StepstreamProcessorIT.awaitFinished(kafka, topics.executions(), executions, Duration.ofSeconds(90));
      assertThat(finished).hasSize(executions);
      assertThat(finished.values()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
      assertHistoriesAreDenseAndFinishOnce(kafka, topics.history(), executions);
    } finally {
      first.close();
      second.close();
    }
  }

  private static StepstreamProcessor start(KafkaCluster kafka, TopicCatalogue topics, String appId, Path stateDir) {
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), appId, topics, stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    return StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
  }

  private static void assertHistoriesAreDenseAndFinishOnce(KafkaCluster kafka, String topic, int executions) {
    Map<String, List<HistoryEvent>> byExecution = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "hist-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && finishedCount(byExecution) < executions) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          byExecution.computeIfAbsent(r.key(), k -> new ArrayList<>()).addAll(HistoryBatch.eventsOf(r.value()));
        }
      }
    }
    assertThat(byExecution).hasSize(executions);
    byExecution.forEach((arn, events) -> {
      assertThat(events).extracting(HistoryEvent::id).as(arn)
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
      assertThat(events).filteredOn(e -> e.eventType().equals("ExecutionSucceeded")).as(arn).hasSize(1);
    });
  }

  private static long finishedCount(Map<String, List<HistoryEvent>> byExecution) {
    return byExecution.values().stream()
        .filter(events -> events.stream().anyMatch(e -> e.eventType().equals("ExecutionSucceeded")))
        .count();
  }
}
