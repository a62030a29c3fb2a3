package dev.stepstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskHeartbeat;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaClusterExtension.class)
class TaskWorkerIT {

  @Test
  void shouldAnswerATaskWithTaskSucceededKeyedByTheExecutionArnAndCommitIt(KafkaCluster kafka) {
    try (TaskTopics topics = new TaskTopics(kafka, "Dobrar", 1);
        TaskWorker worker = topics.worker((input, ctx) -> {
          ObjectNode out = WireJson.mapper().createObjectNode();
          return out.put("y", input.get("x").asInt() * 2);
        }).build().start()) {
      TaskRequest request = topics.request("e1", "{\"x\": 21}");
      topics.send(request);

      ConsumerRecord<String, TaskResult> result = topics.readResults(1).get(0);

      assertThat(result.key()).isEqualTo(request.executionArn());
      assertThat(result.value()).isInstanceOf(TaskSucceeded.class);
      TaskSucceeded succeeded = (TaskSucceeded) result.value();
      assertThat(succeeded.taskToken()).isEqualTo(request.taskToken());
      assertThat(succeeded.output().toString()).isEqualTo("{\"y\":42}");
      worker.close();
      assertThat(worker.metrics().succeeded()).isEqualTo(1);
      assertThat(topics.uncommitted(worker.groupId())).containsExactly(Map.entry(0, 0L));
    }
  }

  @Test
  void shouldSendHeartbeatsBeforeTheResult(KafkaCluster kafka) {
    try (TaskTopics topics = new TaskTopics(kafka, "Lento", 1);
        TaskWorker worker = topics.worker((input, ctx) -> {
          ctx.heartbeat();
          ctx.heartbeat();
          return "ok";
        }).build().start()) {
      topics.send(topics.request("e1", "{}"));

      List<ConsumerRecord<String, TaskResult>> results = topics.readResults(3);

      assertThat(results).extracting(r -> r.value().getClass().getSimpleName())
          .containsExactly("TaskHeartbeat", "TaskHeartbeat", "TaskSucceeded");
      assertThat(((TaskHeartbeat) results.get(0).value()).taskToken()).isEqualTo("token-e1");
      assertThat(results).allSatisfy(r -> assertThat(r.key()).endsWith(":e1"));
    }
  }

  @Test
  void shouldReportFailuresWithTheChosenErrorOrTheExceptionClassName(KafkaCluster kafka) {
    try (TaskTopics topics = new TaskTopics(kafka, "Falhar", 1);
        TaskWorker worker = topics.worker((input, ctx) -> {
          if (input.path("custom").asBoolean()) {
            throw new TaskFailure("Imagem.MuitoGrande", "12 MiB");
          }
          throw new IllegalStateException("unexpected");
        }).build().start()) {
      topics.send(topics.request("custom", "{\"custom\": true}"));
      topics.send(topics.request("plain", "{\"custom\": false}"));

      List<TaskFailed> failures = topics.readResults(2).stream().map(r -> (TaskFailed) r.value()).toList();

      assertThat(failures).extracting(TaskFailed::taskToken, TaskFailed::error, TaskFailed::cause).containsExactly(
          org.assertj.core.groups.Tuple.tuple("token-custom", "Imagem.MuitoGrande", "12 MiB"),
          org.assertj.core.groups.Tuple.tuple("token-plain", "java.lang.IllegalStateException", "unexpected"));
      worker.close();
      assertThat(worker.metrics().failed()).isEqualTo(2);
    }
  }

  @Test
  void shouldSkipARecordThatIsNotATaskRequestAndKeepWorking(KafkaCluster kafka) {
    try (TaskTopics topics = new TaskTopics(kafka, "Robusto", 1);
        TaskWorker worker = topics.worker((input, ctx) -> input).build().start()) {
      topics.sendRaw("garbage", "not json".getBytes(StandardCharsets.UTF_8));
      topics.sendRaw("wrong-type", "{\"type\":\"TaskHeartbeat\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
      topics.send(topics.request("good", "[1]"));

      assertThat(topics.readResults(1).get(0).value().taskToken()).isEqualTo("token-good");
      worker.close();
      assertThat(worker.metrics().skipped()).isEqualTo(2);
      assertThat(topics.uncommitted(worker.groupId())).containsExactly(Map.entry(0, 0L));
    }
  }

  @Test
  void shouldCommitADeferredTaskWithoutSendingAResult(KafkaCluster kafka) {
    try (TaskTopics topics = new TaskTopics(kafka, "Esperar", 1);
        TaskWorker worker = topics.worker((input, ctx) -> ctx.doNotComplete()).build().start()) {
      topics.send(topics.request("later", "{}"));
      topics.send(topics.request("marker", "{}"));

      awaitMetric(() -> worker.metrics().deferred() == 2);
      worker.close();
      assertThat(topics.uncommitted(worker.groupId())).containsExactly(Map.entry(0, 0L));
      assertThat(worker.metrics().completed()).isZero();
    }
  }

  @Test
  void shouldFinishAnInFlightTaskAndSendItsResultWhenClosed(KafkaCluster kafka) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    try (TaskTopics topics = new TaskTopics(kafka, "Demorado", 1)) {
      TaskWorker worker = topics.worker((input, ctx) -> {
        started.countDown();
        Thread.sleep(1_500); // a slow task, still running when the worker is closed
        return "finished";
      }).build().start();
      topics.send(topics.request("slow", "{}"));
      assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

      worker.close();

      assertThat(worker.isRunning()).isFalse();
      assertThat(worker.metrics().succeeded()).isEqualTo(1);
      assertThat(((TaskSucceeded) topics.readResults(1).get(0).value()).output().asText()).isEqualTo("finished");
      assertThat(topics.uncommitted(worker.groupId())).containsExactly(Map.entry(0, 0L));
    }
  }

  @Test
  void shouldRunOneHundredTasksOnFourThreadsAndCommitEveryOffset(KafkaCluster kafka) {
    Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (TaskTopics topics = new TaskTopics(kafka, "Muitos", 4);
        TaskWorker worker = topics.worker((input, ctx) -> {
          threads.add(Thread.currentThread().getName());
          Thread.sleep(5); // the task's work, so that the four threads overlap
          return input;
        }).concurrency(4).build().start()) {
      for (int i = 0; i < 100; i++) {
        topics.send(topics.request("e" + i, "{\"i\": " + i + "}"));
      }

      List<ConsumerRecord<String, TaskResult>> results = topics.readResultsUntil(
          read -> read.stream().map(r -> r.value().taskToken()).distinct().count() == 100, Duration.ofSeconds(25));

      Set<String> tokens = results.stream().map(r -> r.value().taskToken()).collect(Collectors.toSet());
      assertThat(tokens).hasSize(100).contains("token-e0", "token-e99");
      worker.close();
      assertThat(topics.uncommitted(worker.groupId())).hasSize(4).allSatisfy((p, gap) -> assertThat(gap).isZero());
      assertThat(threads).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(4);
    }
  }

  private static void awaitMetric(java.util.function.BooleanSupplier condition) {
    Eventually.await(Duration.ofSeconds(20), () -> assertThat(condition.getAsBoolean()).as("metric condition").isTrue());
  }
}
