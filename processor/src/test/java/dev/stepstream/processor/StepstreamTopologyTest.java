package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepstreamTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String PIPELINE = """
      {"StartAt": "SalvarImagem", "States": {
        "SalvarImagem": {"Type": "Task", "Resource": "arn:aws:lambda:REGIAO:ID:function:SalvarImagem", "Next": "ProcessarImagem"},
        "ProcessarImagem": {"Type": "Task", "Resource": "arn:aws:lambda:REGIAO:ID:function:ProcessarImagem", "End": true}}}
      """;

  @Test
  void shouldEmitTaskRequestsAndCompleteWhenWorkersAnswer() {
    harness.define(PIPELINE);
    String arn = harness.start("run-1", JSON.objectNode().put("imagem", "gato.png"));

    TaskRequest save = single(harness.taskRequests("SalvarImagem"));
    assertThat(save.input().path("imagem").asText()).isEqualTo("gato.png");
    harness.send(new TaskSucceeded(1, arn, save.taskToken(), JSON.objectNode().put("arquivo", "/s/gato.png")));
    TaskRequest process = single(harness.taskRequests("ProcessarImagem"));
    assertThat(process.input().path("arquivo").asText()).isEqualTo("/s/gato.png");
    harness.send(new TaskSucceeded(1, arn, process.taskToken(), JSON.objectNode().put("miniatura", "/s/t.png")));

    List<HistoryEvent> history = harness.history();
    assertThat(history).extracting(HistoryEvent::eventType).startsWith("ExecutionStarted", "TaskStateEntered")
        .endsWith("TaskStateExited", "ExecutionSucceeded");
    assertThat(history).extracting(HistoryEvent::id).isSorted().doesNotHaveDuplicates();
    var finalSummary = last(harness.summaries());
    assertThat(finalSummary.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(finalSummary.output().path("miniatura").asText()).isEqualTo("/s/t.png");
  }

  @Test
  void shouldIgnoreAResultWithAnUnknownTokenAndApplyATokenOnlyOnce() {
    harness.define(PIPELINE);
    String arn = harness.start("run-2", JSON.objectNode());
    TaskRequest save = single(harness.taskRequests("SalvarImagem"));

    harness.send(new TaskSucceeded(1, arn, "not-a-token", JSON.objectNode()));
    harness.send(new TaskSucceeded(1, arn, save.taskToken(), JSON.objectNode()));
    harness.send(new TaskSucceeded(1, arn, save.taskToken(), JSON.objectNode()));

    assertThat(harness.taskRequests("ProcessarImagem")).hasSize(1);
    assertThat(harness.metrics.ignoredCount()).isEqualTo(2);
  }

  @Test
  void shouldSignTaskTokensWithTheDeploymentKeysAndIgnoreAForgedOne() {
    TaskTokenKeys keys = TaskTokenKeys.generate();
    harness.close();
    harness = new TopologyHarness(stateDir, options -> options.withTokenKeys(keys));
    harness.define(PIPELINE);
    String arn = harness.start("run-signed", JSON.objectNode());

    String token = single(harness.taskRequests("SalvarImagem")).taskToken();
    assertThat(keys.verify(token)).isTrue();
    assertThat(TaskTokenKeys.generate().verify(token)).isFalse();
    String forged = TaskTokens.create(arn, TaskTokens.sequence(token).getAsLong(), "guessed-nonce");
    harness.send(new TaskSucceeded(1, arn, forged, JSON.objectNode()));

    assertThat(harness.taskRequests("ProcessarImagem")).isEmpty();
    assertThat(harness.metrics.ignoredCount()).isEqualTo(1);
  }

  @Test
  void shouldFireATwoHourWaitWhenTheWallClockAdvances() {
    harness.define("""
        {"StartAt": "Wait", "States": {
          "Wait": {"Type": "Wait", "Seconds": 7200, "Next": "Done"},
          "Done": {"Type": "Succeed"}}}
        """);
    harness.start("run-3", JSON.objectNode().put("x", 1));
    assertThat(harness.summaries()).extracting(s -> s.status()).containsExactly(ExecutionStatus.RUNNING);

    harness.advance(Duration.ofMinutes(119));
    assertThat(harness.summaries()).isEmpty();
    harness.advance(Duration.ofMinutes(2));

    assertThat(last(harness.summaries()).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(harness.metrics.timersFiredCount()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldRetryAFailedTaskAfterTheBackoffTimer() {
    harness.define("""
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work",
                   "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 3, "MaxAttempts": 2}], "End": true}}}
        """);
    String arn = harness.start("run-4", JSON.objectNode());
    TaskRequest first = single(harness.taskRequests("Work"));
    harness.send(new TaskFailed(1, arn, first.taskToken(), "Flaky", "try again"));
    assertThat(harness.taskRequests("Work")).isEmpty();

    harness.advance(Duration.ofSeconds(4));

    TaskRequest second = single(harness.taskRequests("Work"));
    assertThat(second.attempt()).isEqualTo(2);
    harness.send(new TaskSucceeded(1, arn, second.taskToken(), JSON.textNode("ok")));
    assertThat(last(harness.summaries()).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void shouldDeadLetterUndecodableInputWithTheReasonAndKeepProcessing() {
    TopicCatalogue topics = harness.topics;
    harness.sendRaw(topics.commands(), "k1", "not json".getBytes(StandardCharsets.UTF_8));
    harness.sendRaw(topics.taskResults(), "k2", "{\"type\":\"Nope\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
    harness.define(PIPELINE);
    harness.start("run-5", JSON.objectNode());

    assertThat(harness.deadLetters()).hasSize(2).allSatisfy(d -> {
      assertThat(d.reason()).startsWith("not a valid WireRecord record");
      assertThat(d.valueBase64()).isNotBlank();
    });
    assertThat(harness.taskRequests("SalvarImagem")).hasSize(1);
  }

  @Test
  void shouldDeadLetterARecordWhoseKeyIsNotItsExecution() {
    harness.define(PIPELINE);
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:x";
    harness.sendRaw(harness.topics.commands(), "other-key", dev.stepstream.wire.WireJson.encode(
        new dev.stepstream.wire.StartExecution(1, arn, TopologyHarness.MACHINE, "x", JSON.objectNode(), 1L)));

    assertThat(single(harness.deadLetters()).reason()).contains("does not match executionArn");
  }

  @Test
  void shouldParkAStartUntilItsStateMachineArrives() {
    harness.start("run-6", JSON.objectNode());
    assertThat(harness.summaries()).isEmpty();

    harness.define(PIPELINE);
    harness.advance(Duration.ofMillis(100));

    assertThat(harness.summaries()).extracting(s -> s.status()).containsExactly(ExecutionStatus.RUNNING);
    assertThat(harness.taskRequests("SalvarImagem")).hasSize(1);
  }

  @Test
  void shouldDeadLetterAStartWhoseStateMachineNeverArrives() {
    harness.start("run-7", JSON.objectNode());

    harness.advance(Duration.ofSeconds(61));

    assertThat(single(harness.deadLetters()).reason()).contains("does not exist");
    assertThat(harness.summaries()).isEmpty();
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static <T> T last(List<T> items) {
    assertThat(items).isNotEmpty();
    return items.get(items.size() - 1);
  }
}
