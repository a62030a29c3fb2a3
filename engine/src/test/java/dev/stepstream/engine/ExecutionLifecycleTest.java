package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import org.junit.jupiter.api.Test;

class ExecutionLifecycleTest {
  static final String LAMBDA = "arn:aws:lambda:us-east-1:1:function:Work";

  @Test
  void shouldWaitSecondsWithTimerThenContinue() {
    TestDriver d = new TestDriver("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","Next":"P"},"P":{"Type":"Pass","End":true}}}""")
        .start("{\"s\":42}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(d.nextTimerDelay()).isEqualTo(42_000);
    d.fireNextTimer();
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "WaitStateEntered", "WaitStateExited",
        "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
  }

  @Test
  void shouldWaitUntilTimestamp() {
    TestDriver d = new TestDriver("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2030-01-01T00:00:00Z","End":true}}}""").start("{}");
    assertThat(d.timers.values()).containsExactly(1_893_456_000_000L);
  }

  @Test
  void shouldComputeWaitSecondsWithJsonata() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"{% $states.input.n * 2 %}","End":true}}}""")
        .start("{\"n\":5}");
    assertThat(d.nextTimerDelay()).isEqualTo(10_000);
  }

  @Test
  void shouldFailWithNoChoiceMatched() {
    TestDriver d = new TestDriver("""
        {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":1,"Next":"P"}]},
          "P":{"Type":"Pass","End":true}}}""").start("{\"x\":2}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.NoChoiceMatched");
  }

  @Test
  void shouldAbortOnStopAndCancelTimers() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","TimeoutSeconds":60,"End":true}}}"""
        .formatted(LAMBDA)).start("{}");
    d.stop("Stopped", "by user");
    assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(d.event("ExecutionAborted").details()).isEqualTo(json("{\"error\":\"Stopped\",\"cause\":\"by user\"}"));
    assertThat(d.timers).isEmpty();
    assertThat(d.succeedTask("{}").applied()).isFalse();
    assertThat(d.state.summary().status()).isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void shouldTimeOutExecutionAfterTimeoutSeconds() {
    TestDriver d = new TestDriver("""
        {"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""").start("{}");
    assertThat(d.nextTimerDelay()).isEqualTo(5_000);
    d.fireNextTimer();
    assertThat(d.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(d.state.error()).contains("States.Timeout");
    assertThat(d.eventTypes()).endsWith("ExecutionTimedOut");
    assertThat(d.timers).isEmpty();
  }

  @Test
  void shouldDeferInfiniteLoopWithContinueLater() {
    TestDriver d = new TestDriver("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},
          "B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Done"}],"Default":"A"},
          "Done":{"Type":"Succeed"}}}""",
        new EngineOptions(10, 25_000, 262_144)).start("{}");
    Decision first = d.decisions.get(0);
    assertThat(first.effects()).filteredOn(Effect.ContinueLater.class::isInstance).hasSize(1);
    assertThat(first.events().stream().filter(e -> e.eventType().endsWith("Entered"))).hasSize(10);
    long seq = ((Effect.ContinueLater) first.effects().stream().filter(Effect.ContinueLater.class::isInstance)
        .findFirst().orElseThrow()).sequence();
    Decision second = d.apply(new dev.stepstream.wire.Continue(1, TestDriver.EXEC_ARN, seq));
    assertThat(second.events().stream().filter(e -> e.eventType().endsWith("Entered"))).hasSize(10);
    assertThat(d.apply(new dev.stepstream.wire.Continue(1, TestDriver.EXEC_ARN, seq)).applied()).isFalse();
    assertThat(d.status()).isEqualTo(ExecutionStatus.RUNNING);
  }

  @Test
  void shouldFailWhenHistoryLimitIsReached() {
    TestDriver d = new TestDriver("""
        {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},
          "B":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Done"}],"Default":"A"},
          "Done":{"Type":"Succeed"}}}""",
        new EngineOptions(1_000, 50, 262_144)).start("{}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.history).hasSize(50);
    assertThat(d.history.get(49).eventType()).isEqualTo("ExecutionFailed");
  }

  @Test
  void shouldFailWithDataLimitExceededForOversizedOutput() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(LAMBDA),
        new EngineOptions(1_000, 25_000, 100)).start("{}");
    d.succeedTask("{\"big\":\"" + "x".repeat(200) + "\"}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.DataLimitExceeded");
  }

  @Test
  void shouldExposeContextObjectFields() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"ctx.$":"$$"},"End":true}}}""").start("{\"a\":1}");
    assertThat(d.output().get("ctx")).isEqualTo(json("""
        {"Execution":{"Id":"%s","Input":{"a":1},"Name":"run-1","RoleArn":"arn:aws:iam::123456789012:role/Test",
          "StartTime":"2023-11-14T22:13:20.000Z","RedriveCount":0},
         "State":{"EnteredTime":"2023-11-14T22:13:20.000Z","Name":"P"},
         "StateMachine":{"Id":"%s","Name":"Test"}}""".formatted(TestDriver.EXEC_ARN, TestDriver.SM_ARN)));
  }

  @Test
  void shouldPrefixDataFlowFailureCause() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.nope","End":true}}}""").start("{}");
    assertThat(d.state.error()).contains("States.Runtime");
    assertThat(d.state.cause().orElseThrow()).isEqualTo("An error occurred while executing the state 'P' "
        + "(entered at the event id #2). Invalid path '$.nope' : No results for path: $['nope']");
    HistoryEvent failed = d.event("ExecutionFailed");
    assertThat(failed.previousEventId()).isEqualTo(2);
  }

  @Test
  void shouldIgnoreCommandsForFinishedExecution() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""").start("{}");
    assertThat(d.stop(null, null).applied()).isFalse();
  }
}
