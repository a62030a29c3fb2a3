package dev.stepstream.dist.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.worker.TaskFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Retry, Catch, timeouts, heartbeats, callbacks, Parallel and Map with real workers on a real broker. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskPatternsIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Duration WAIT = Duration.ofSeconds(45);
  private E2eHarness e2e;

  @BeforeAll
  void start(KafkaCluster kafka, @TempDir Path stateDir) {
    e2e = new E2eHarness(kafka, stateDir, List.of("Flaky", "Strict", "Silent", "Beating", "Approver", "Slow"));
  }

  @AfterAll
  void stop() throws InterruptedException {
    e2e.close();
  }

  @Test
  void shouldRetryAWorkerThatFailsTwiceThenSucceeds() {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    e2e.worker("Flaky", 1, (input, ctx) -> {
      if (attempts.computeIfAbsent(ctx.executionArn(), k -> new AtomicInteger()).incrementAndGet() <= 2) {
        throw new TaskFailure("Flaky.Busy", "attempt " + ctx.attempt() + " failed");
      }
      return JSON.objectNode().put("attempt", ctx.attempt());
    });
    String machine = e2e.register("Retrying", """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Flaky",
          "Retry": [{"ErrorEquals": ["Flaky.Busy"], "IntervalSeconds": 1, "BackoffRate": 1.0, "MaxAttempts": 3}],
          "End": true}}}
        """);

    String arn = e2e.start(machine, "retry-1", JSON.objectNode());
    ExecutionSummary done = e2e.await(arn, WAIT);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output().path("attempt").asInt()).isEqualTo(3);
    assertThat(e2e.eventTypes(arn)).filteredOn("LambdaFunctionFailed"::equals).hasSize(2);
  }

  @Test
  void shouldCatchAWorkerErrorIntoAFallbackState() throws Exception {
    e2e.worker("Strict", 1, (input, ctx) -> {
      throw new TaskFailure("Imagem.MuitoGrande", "30 MiB is over the limit");
    });
    String machine = e2e.register("Catching", """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Strict",
            "Catch": [{"ErrorEquals": ["Imagem.MuitoGrande"], "ResultPath": "$.problem", "Next": "Fallback"}],
            "End": true},
          "Fallback": {"Type": "Pass", "Result": "resized later", "ResultPath": "$.plan", "End": true}}}
        """);

    ExecutionSummary done = e2e.await(e2e.start(machine, "catch-1", JSON.objectNode().put("imagem", "big.png")), WAIT);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output().path("problem").path("Error").asText()).isEqualTo("Imagem.MuitoGrande");
    // A Lambda function error's cause is AWS's error document, built by the engine (docs/workers.md).
    JsonNode cause = dev.stepstream.wire.WireJson.mapper().readTree(done.output().path("problem").path("Cause").asText());
    assertThat(cause.path("errorMessage").asText()).isEqualTo("30 MiB is over the limit");
    assertThat(cause.path("errorType").asText()).isEqualTo("Imagem.MuitoGrande");
    assertThat(done.output().path("plan").asText()).isEqualTo("resized later");
    assertThat(done.output().path("imagem").asText()).isEqualTo("big.png");
  }

  @Test
  void shouldTimeOutATaskWhoseWorkerNeverAnswers() {
    e2e.worker("Silent", 1, (input, ctx) -> ctx.doNotComplete());
    String machine = e2e.register("TimingOut", """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Silent", "TimeoutSeconds": 2, "End": true}}}
        """);

    ExecutionSummary done = e2e.await(e2e.start(machine, "timeout-1", JSON.objectNode()), WAIT);

    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Timeout");
    assertThat(done.stopDate() - done.startDate()).isBetween(2_000L, 10_000L);
  }

  @Test
  void shouldFailOnAMissedHeartbeatButNotWhileTheWorkerKeepsBeating() {
    e2e.worker("Beating", 2, (input, ctx) -> {
      if (input.path("beat").asBoolean()) {
        for (int i = 0; i < 5; i++) {
          ctx.heartbeat();
          Thread.sleep(500); // beating while it works, for longer than HeartbeatSeconds in all
        }
        return JSON.objectNode().put("done", true);
      }
      return ctx.doNotComplete();
    });
    String machine = e2e.register("Heartbeats", """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:states:us-east-1:123456789012:activity:Beating",
          "TimeoutSeconds": 20, "HeartbeatSeconds": 2, "End": true}}}
        """);

    String silent = e2e.start(machine, "hb-silent", JSON.objectNode().put("beat", false));
    String beating = e2e.start(machine, "hb-beating", JSON.objectNode().put("beat", true));

    assertThat(e2e.await(silent, WAIT).error()).isEqualTo("States.HeartbeatTimeout");
    assertThat(e2e.await(beating, WAIT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void shouldCompleteAWaitForTaskTokenTaskThroughTheResultsTopic() {
    Map<String, String> tokens = new ConcurrentHashMap<>();
    e2e.worker("Approver", 1, (input, ctx) -> {
      tokens.put(ctx.executionArn(), input.path("token").asText());
      return ctx.doNotComplete();
    });
    String machine = e2e.register("Callback", """
        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "Approver", "Payload": {"token.$": "$$.Task.Token", "order.$": "$.order"}},
          "End": true}}}
        """);

    String arn = e2e.start(machine, "callback-1", JSON.objectNode().put("order", 7));
    String token = awaitToken(tokens, arn);
    e2e.send(new TaskSucceeded(1, arn, token, JSON.objectNode().put("approved", true)));

    ExecutionSummary done = e2e.await(arn, WAIT);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output().path("approved").asBoolean()).isTrue();
  }

  @Test
  void shouldRunParallelBranchesAndMapIterationsConcurrentlyOnWorkers() {
    e2e.worker("Slow", 6, (input, ctx) -> {
      Thread.sleep(1_000); // a one-second task
      return JSON.objectNode().put("item", input.path("item").asInt());
    });
    String machine = e2e.register("FanOut", """
        {"StartAt": "Both", "States": {
          "Both": {"Type": "Parallel", "Next": "Each", "ResultPath": "$.branches", "Branches": [
            {"StartAt": "L", "States": {"L": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Slow",
              "Parameters": {"item": 100}, "End": true}}},
            {"StartAt": "R", "States": {"R": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Slow",
              "Parameters": {"item": 200}, "End": true}}}]},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 5, "ResultPath": "$.mapped",
            "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:1:function:Slow", "Parameters": {"item.$": "$"}, "End": true}}},
            "End": true}}}
        """);
    JsonNode input = JSON.objectNode().set("items", JSON.arrayNode().add(1).add(2).add(3).add(4).add(5));

    ExecutionSummary done = e2e.await(e2e.start(machine, "fanout-1", input), WAIT);

    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output().path("branches").findValuesAsText("item")).containsExactly("100", "200");
    assertThat(done.output().path("mapped").findValuesAsText("item")).containsExactly("1", "2", "3", "4", "5");
    assertThat(done.stopDate() - done.startDate()).as("2 + 5 one-second tasks, run concurrently").isLessThan(5_500);
  }

  private static String awaitToken(Map<String, String> tokens, String arn) {
    return Eventually.await(WAIT, () -> {
      String token = tokens.get(arn);
      if (token == null) {
        throw new AssertionError("the worker has not seen the task token of " + arn);
      }
      return token;
    });
  }
}
