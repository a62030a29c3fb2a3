package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedriveTest {
  static final String LAMBDA = "arn:aws:lambda:us-east-1:1:function:Work";

  @Test
  void shouldRerunFailedTaskAndContinueAfterRedrive() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":1},"Next":"T"},
          "T":{"Type":"Task","Resource":"%s","Next":"After"},"After":{"Type":"Pass","End":true}}}"""
        .formatted(LAMBDA)).start("{}");
    d.failTask("Boom", "it broke");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    int historyBefore = d.history.size();

    Decision redriven = d.redrive();

    assertThat(redriven.applied()).isTrue();
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(d.state.redriveCount()).isEqualTo(1);
    assertThat(d.state.error()).isEmpty();
    HistoryEvent event = redriven.events().get(0);
    assertThat(event.eventType()).isEqualTo("ExecutionRedriven");
    assertThat(event.id()).isEqualTo(historyBefore + 1);
    assertThat(event.details()).isEqualTo(json("{\"redriveCount\":1}"));
    assertThat(redriven.events().stream().map(HistoryEvent::eventType))
        .containsExactly("ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted");
    assertThat(d.lastTask().input()).isEqualTo(json("{\"x\":1}"));
    assertThat(redriven.effects()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Effect.PublishSummary.class,
        p -> assertThat(p.summary().status()).isEqualTo(ExecutionStatus.RUNNING)));

    d.succeedTask("{\"done\":true}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"done\":true}"));
    // The Pass state before the Task ran once only.
    assertThat(d.eventTypes().stream().filter("PassStateEntered"::equals)).hasSize(2);
    assertThat(d.eventTypes().get(0)).isEqualTo("ExecutionStarted");
  }

  @Test
  void shouldRedriveTimedOutExecutionWithFreshExecutionTimeout() {
    TestDriver d = new TestDriver("""
        {"TimeoutSeconds":5,"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}"""
        .formatted(LAMBDA)).start("{\"a\":1}");
    d.fireNextTimer();
    assertThat(d.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(d.timers).isEmpty();
    String staleToken = d.lastTask().taskToken();

    d.now += 60_000;
    d.redrive();

    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(d.nextTimerDelay()).isEqualTo(5_000);
    assertThat(d.tasks).hasSize(2);
    assertThat(d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, staleToken, json("{}"))).applied()).isFalse();
    d.succeedTask("{\"ok\":1}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void shouldRedriveAbortedExecutionFromTheWaitingState() {
    TestDriver d = new TestDriver("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"P"},"P":{"Type":"Pass","End":true}}}""")
        .start("{\"k\":2}");
    d.stop("Stopped", null);
    assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
    d.redrive();
    assertThat(d.nextTimerDelay()).isEqualTo(10_000);
    d.fireNextTimer();
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"k\":2}"));
  }

  @Test
  void shouldRerunOnlyTheFailedParallelBranch() {
    TestDriver d = new TestDriver("""
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
          {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"%s","End":true}}},
          {"StartAt":"C","States":{"C":{"Type":"Pass","Result":"c","End":true}}}]}}}""".formatted(LAMBDA))
        .start("{}");
    d.failTask("Boom", null);
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);

    Decision redriven = d.redrive();

    assertThat(redriven.events().stream().map(HistoryEvent::eventType))
        .containsExactly("ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted");
    assertThat(d.tasks).hasSize(2);
    d.succeedTask("\"b\"");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[\"a\",\"b\",\"c\"]"));
    assertThat(d.eventTypes().stream().filter("PassStateEntered"::equals)).hasSize(2);
  }

  @Test
  void shouldRerunOnlyFailedMapIterations() {
    TestDriver d = new TestDriver("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","End":true}}}}}}""".formatted(LAMBDA)).start("[1,2,3]");
    List<TaskRequest> first = List.copyOf(d.tasks);
    d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, first.get(0).taskToken(), json("10")));
    d.apply(new dev.stepstream.wire.TaskFailed(1, TestDriver.EXEC_ARN, first.get(1).taskToken(), "Boom", null));
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.eventTypes()).contains("MapIterationAborted");

    Decision redriven = d.redrive();

    assertThat(redriven.events().stream().filter(e -> e.eventType().equals("MapIterationStarted"))
        .map(e -> e.details().get("index").asInt())).containsExactly(1, 2);
    assertThat(d.tasks).hasSize(5);
    d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, d.tasks.get(3).taskToken(), json("20")));
    d.apply(new TaskSucceeded(1, TestDriver.EXEC_ARN, d.tasks.get(4).taskToken(), json("30")));
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("[10,20,30]"));
  }

  @Test
  void shouldExposeRedriveCountInContextObject() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","Next":"P"},
          "P":{"Type":"Pass","Parameters":{"count.$":"$$.Execution.RedriveCount"},"End":true}}}""".formatted(LAMBDA))
        .start("{}");
    d.failTask("Boom", null);
    d.redrive();
    d.failTask("Boom", null);
    d.redrive();
    assertThat(d.state.redriveCount()).isEqualTo(2);
    assertThat(d.lastTask().context().path("Execution").path("RedriveCount").asInt()).isEqualTo(2);
    d.succeedTask("{}");
    assertThat(d.output()).isEqualTo(json("{\"count\":2}"));
    assertThat(d.state.summary().redriveCount()).isEqualTo(2);
  }

  @Test
  void shouldIgnoreRedriveOfSucceededOrRunningExecution() {
    TestDriver running = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(LAMBDA)).start("{}");
    assertThat(running.redrive().ignored()).contains("Execution is RUNNING and cannot be redriven");
    running.succeedTask("{}");
    assertThat(running.redrive().ignored()).contains("Execution is SUCCEEDED and cannot be redriven");
  }

  @Test
  void shouldRefuseRedriveAfterTheRedrivablePeriod() {
    TestDriver d = new TestDriver("""
        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}}""").start("{}");
    d.now += 15L * 24 * 60 * 60 * 1000;
    assertThat(d.redrive().ignored()).contains("Execution redrivable period exceeded");
  }

  @Test
  void shouldKeepRedriveStateThroughTheCodec() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(LAMBDA)).start("{}");
    d.failTask("Boom", null);
    d.state = ExecutionStateCodec.decode(ExecutionStateCodec.encode(d.state));
    d.redrive();
    d.succeedTask("{\"v\":1}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }
}
