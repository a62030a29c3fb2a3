package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import picocli.CommandLine;

@ExtendWith(KafkaClusterExtension.class)
class WorkerCommandIT {

  @Test
  void shouldRunTheCommandPerTaskAndAnswerWithItsStdoutOrStderr(KafkaCluster kafka) throws Exception {
    String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    kafka.createTopics(1, prefix + "task-results");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new WorkerCommand());
    cli.setOut(new PrintWriter(out));
    cli.parseArgs("--task", "Maiusculas", "--bootstrap-servers", kafka.bootstrapServers(), "--topic-prefix", prefix,
        "--", "sh", "-c", "if grep -q fail; then echo 'no such image' >&2; exit 2; fi; echo \"{\\\"attempt\\\": $STEPSTREAM_ATTEMPT}\"");
    WorkerCommand command = cli.getCommand();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try {
        return command.runUntil(stop);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    awaitTopic(kafka, prefix + "tasks.Maiusculas");
    produce(kafka, prefix + "tasks.Maiusculas", request("ok", "{\"x\": 1}"), request("bad", "\"fail\""));
    List<TaskResult> results = readResults(kafka, prefix + "task-results", 2);
    stop.countDown();

    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    // The two requests may be answered in either order (they can sit on different partitions).
    Map<String, TaskResult> byToken = results.stream().collect(Collectors.toMap(TaskResult::taskToken, r -> r));
    assertThat(((TaskSucceeded) byToken.get("token-ok")).output().toString()).isEqualTo("{\"attempt\":1}");
    // The command's stderr is the cause and also travels as the task's worker output.
    assertThat(byToken.get("token-bad")).isEqualTo(new TaskFailed(WireVersions.CURRENT, request("bad", "1").executionArn(),
        "token-bad", "Stepstream.CommandFailed", "no such image", List.of("no such image")));
    assertThat(out.toString()).contains("Worker for " + prefix + "tasks.Maiusculas")
        .contains("Worker stopped: 1 succeeded, 1 failed, 0 skipped.");
  }

  private static TaskRequest request(String name, String inputJson) throws Exception {
    return new TaskRequest(WireVersions.CURRENT, "arn:aws:states:us-east-1:123456789012:execution:sm:" + name, "token-" + name,
        "arn:aws:lambda:us-east-1:123456789012:function:Maiusculas", "Maiusculas", "Maiusculas",
        WireJson.mapper().readTree(inputJson), 1, null, null, WireJson.mapper().createObjectNode(), 0);
  }

  private static void awaitTopic(KafkaCluster kafka, String topic) {
    Eventually.await(Duration.ofSeconds(20),
        () -> assertThat(kafka.topics()).as("topics created by the command").contains(topic));
  }

  private static void produce(KafkaCluster kafka, String topic, TaskRequest... requests) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
      for (TaskRequest r : requests) {
        producer.send(new ProducerRecord<>(topic, r.executionArn(), WireJson.encode(r))).get(10, TimeUnit.SECONDS);
      }
    }
  }

  private static List<TaskResult> readResults(KafkaCluster kafka, String topic, int count) {
    List<TaskResult> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (read.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          read.add(WireJson.decode(r.value(), TaskResult.class));
        }
      }
    }
    assertThat(read).hasSize(count);
    return read;
  }
}
