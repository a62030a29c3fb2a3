package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import org.junit.jupiter.api.Test;

class HistoryEventsTest {
  static final String LAMBDA = "arn:aws:lambda:us-east-1:1:function:Work";

  @Test
  void shouldEmitTaskSubmittedAfterTaskStartedForSyncIntegrations() {
    TestDriver d = new TestDriver("""
        {"StartAt":"J","States":{"J":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync",
          "Parameters":{"JobName":"j"},"End":true}}}""").start("{}");
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted",
        "TaskSubmitted");
    HistoryEvent submitted = d.event("TaskSubmitted");
    assertThat(submitted.detailsName()).isEqualTo("taskSubmittedEventDetails");
    assertThat(submitted.details()).isEqualTo(json("{\"resourceType\":\"glue\",\"resource\":\"startJobRun.sync\"}"));
    assertThat(submitted.previousEventId()).isEqualTo(d.event("TaskStarted").id());
  }

  @Test
  void shouldNotEmitTaskSubmittedForRequestResponseIntegrations() {
    TestDriver d = new TestDriver("""
        {"StartAt":"J","States":{"J":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
          "Parameters":{"QueueUrl":"q","MessageBody":"m"},"End":true}}}""").start("{}");
    assertThat(d.eventTypes()).doesNotContain("TaskSubmitted");
  }

  @Test
  void shouldEmitTaskStateAbortedWhenStopped() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(LAMBDA)).start("{}");
    d.stop(null, null);
    assertThat(d.eventTypes()).endsWith("LambdaFunctionStarted", "TaskStateAborted", "ExecutionAborted");
    assertThat(d.event("TaskStateAborted").details()).isNull();
  }

  @Test
  void shouldEmitWaitStateAbortedWhenStopped() {
    TestDriver d = new TestDriver("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}""").start("{}");
    d.stop(null, null);
    assertThat(d.eventTypes()).endsWith("WaitStateEntered", "WaitStateAborted", "ExecutionAborted");
  }

  @Test
  void shouldAbortMapIterationsInnermostFirstWhenStopped() {
    TestDriver d = new TestDriver("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%s","End":true}}}}}}""".formatted(LAMBDA)).start("[1,2]");
    int before = d.history.size();
    d.stop(null, null);
    assertThat(d.eventTypes().subList(before, d.history.size())).containsExactly("TaskStateAborted",
        "MapIterationAborted", "TaskStateAborted", "MapIterationAborted", "MapStateAborted", "ExecutionAborted");
    assertThat(d.history.get(before + 1).details()).isEqualTo(json("{\"name\":\"M\",\"index\":0}"));
  }

  @Test
  void shouldEmitParallelStateAbortedWhenStopped() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}},
          {"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}]}}}""").start("{}");
    d.stop(null, null);
    assertThat(d.eventTypes()).endsWith("WaitStateAborted", "ParallelStateAborted", "ExecutionAborted");
  }

  @Test
  void shouldFailWithDataLimitExceededWhenAssignIsTooLarge() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"big.$":"$.s"},"End":true}}}""");
    d.start("{\"s\":\"" + "x".repeat(262_144) + "\"}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.DataLimitExceeded");
    assertThat(d.eventTypes()).doesNotContain("PassStateExited");
  }

  @Test
  void shouldAcceptAssignBelowTheLimit() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"big.$":"$.s"},"End":true}}}""");
    d.start("{\"s\":\"" + "x".repeat(200_000) + "\"}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void shouldFailExecutionWhoseInputExceedsThePayloadLimit() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", new EngineOptions(1_000, 25_000, 100));
    d.start("{\"s\":\"" + "x".repeat(200) + "\"}");
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("States.DataLimitExceeded");
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "ExecutionFailed");
    assertThat(d.event("ExecutionStarted").details().path("inputDetails").path("truncated").asBoolean()).isTrue();
  }
}
