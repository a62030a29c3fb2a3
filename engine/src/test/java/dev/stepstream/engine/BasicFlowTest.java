package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.HistoryEvent;
import org.junit.jupiter.api.Test;

class BasicFlowTest {

  @Test
  void shouldRunPassChainToSuccessWithAwsHistoryShape() {
    TestDriver d = new TestDriver("""
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.a","Next":"B"},
          "B":{"Type":"Succeed"}}}""").start("{\"in\":true}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"in\":true,\"a\":{\"x\":1}}"));
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
        "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
    for (int i = 0; i < d.history.size(); i++) {
      HistoryEvent e = d.history.get(i);
      assertThat(e.id()).isEqualTo(i + 1);
      assertThat(e.previousEventId()).isEqualTo(i);
    }
    HistoryEvent entered = d.event("PassStateEntered");
    assertThat(entered.detailsName()).isEqualTo("stateEnteredEventDetails");
    assertThat(entered.details().get("input").asText()).isEqualTo("{\"in\":true}");
    assertThat(entered.details().get("inputDetails").get("truncated").asBoolean()).isFalse();
    HistoryEvent started = d.event("ExecutionStarted");
    assertThat(started.details().get("roleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/Test");
    assertThat(d.event("ExecutionSucceeded").details().get("output").asText())
        .isEqualTo("{\"in\":true,\"a\":{\"x\":1}}");
    assertThat(d.state.summary().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.effects).filteredOn(Effect.PublishSummary.class::isInstance)
        .as("one summary per decision: the RUNNING one of the same apply would only be overwritten")
        .singleElement()
        .satisfies(e -> assertThat(((Effect.PublishSummary) e).summary().status()).isEqualTo(ExecutionStatus.SUCCEEDED));
  }

  @Test
  void shouldFailWithFailStateErrorAndCause() {
    TestDriver d = new TestDriver("""
        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"MyError","Cause":"bad"}}}""").start("{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.state.error()).contains("MyError");
    assertThat(d.state.cause()).contains("bad");
    assertThat(d.eventTypes()).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
    assertThat(d.event("ExecutionFailed").details()).isEqualTo(json("{\"error\":\"MyError\",\"cause\":\"bad\"}"));
  }
}
