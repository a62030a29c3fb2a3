package dev.stepstream.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.examples.imagepipeline.ImagePipelineWorkers;
import dev.stepstream.examples.imagepipeline.SampleImages;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The user's pipeline, unchanged, 200 times over on a real broker with the real example workers. */
@ExtendWith(KafkaClusterExtension.class)
class ImagePipelineIT {
  private static final Logger LOG = LoggerFactory.getLogger(ImagePipelineIT.class);
  private static final int EXECUTIONS = 200;
  private static final List<String> TASK_EVENTS = List.of("TaskStateEntered", "LambdaFunctionScheduled",
      "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited");

  @Test
  void shouldCompleteTwoHundredExecutionsWithThumbnailsAndOneNotificationEach(KafkaCluster kafka, @TempDir Path dir)
      throws Exception {
    try (E2eHarness e2e = new E2eHarness(kafka, dir.resolve("state"), ImagePipelineWorkers.TASKS);
        ImagePipelineWorkers workers = ImagePipelineWorkers.start(kafka.bootstrapServers(), e2e.topics.prefix(),
            dir.resolve("images"))) {
      String machine = e2e.register("ImagePipeline", Files.readString(Path.of("../examples/image-pipeline/definition.json")));
      Path sample = SampleImages.writeSamplePng(dir.resolve("amostra.png"));

      long started = System.nanoTime();
      List<String> arns = new ArrayList<>();
      for (int i = 0; i < EXECUTIONS; i++) {
        arns.add(e2e.start(machine, "img-" + i,
            JsonNodeFactory.instance.objectNode().put("imagem", sample.toString()).put("nome", "img-" + i)));
      }
      List<ExecutionSummary> done = new ArrayList<>();
      for (String arn : arns) {
        done.add(e2e.await(arn, Duration.ofSeconds(120)));
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(done).allSatisfy(s -> {
        assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Path.of(s.output().path("miniatura").asText())).exists();
      });
      List<Long> stepMillis = new ArrayList<>();
      for (String arn : arns) {
        List<HistoryEvent> history = e2e.history(arn);
        assertThat(history).extracting(HistoryEvent::eventType).containsExactlyElementsOf(expectedEventOrder());
        stepMillis.addAll(taskStepDurations(history));
      }
      assertThat(notificationKeys(kafka, e2e.topics.prefix() + ImagePipelineWorkers.NOTIFICATIONS))
          .containsExactlyInAnyOrderElementsOf(arns);
      report(seconds, stepMillis, dir);
    }
  }

  private static List<String> expectedEventOrder() {
    List<String> order = new ArrayList<>(List.of("ExecutionStarted"));
    for (int step = 0; step < 3; step++) {
      order.addAll(TASK_EVENTS);
    }
    order.add("ExecutionSucceeded");
    return order;
  }

  private static List<Long> taskStepDurations(List<HistoryEvent> history) {
    List<Long> durations = new ArrayList<>();
    long scheduled = 0;
    for (HistoryEvent e : history) {
      if (e.eventType().equals("LambdaFunctionScheduled")) {
        scheduled = e.timestamp();
      } else if (e.eventType().equals("LambdaFunctionSucceeded")) {
        durations.add(e.timestamp() - scheduled);
      }
    }
    return durations;
  }

  private static Set<String> notificationKeys(KafkaCluster kafka, String topic) {
    Set<String> keys = new HashSet<>();
    int records = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "notif-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (keys.size() < EXECUTIONS && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          keys.add(r.key());
          records++;
        }
      }
    }
    assertThat(records).as("one notification per execution").isEqualTo(EXECUTIONS);
    return keys;
  }

  private static void report(double seconds, List<Long> stepMillis, Path dir) throws IOException {
    List<Long> sorted = stepMillis.stream().sorted().toList();
    String figures = String.format("image pipeline: %d executions in %.1f s = %.1f executions/s; "
            + "task step (scheduled -> succeeded) p50 %d ms, p99 %d ms (exactly-once, commit interval 100 ms)",
        EXECUTIONS, seconds, EXECUTIONS / seconds, sorted.get(sorted.size() / 2),
        sorted.get((int) (sorted.size() * 0.99)));
    LOG.warn(figures);
    Files.writeString(Path.of("target", "image-pipeline-figures.txt"), figures + "\n", StandardCharsets.UTF_8);
  }
}
