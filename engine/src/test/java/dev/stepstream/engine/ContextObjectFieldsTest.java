package dev.stepstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.local.LocalRunner;
import dev.stepstream.engine.local.Mocks;
import dev.stepstream.engine.local.RunResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Which context object fields AWS includes: State.RetryCount for Task states only (LocalStack's
 * AWS-validated snapshots context_object/test_context_object for Pass, test_state_context_object for
 * Task), and no redrive fields for Express executions, which cannot be redriven.
 */
class ContextObjectFieldsTest {

  @Test
  void shouldLeaveRetryCountOutOfAPassStatesContext() {
    TestDriver d = new TestDriver("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"s.$":"$$.State"},"End":true}}}""").start("{}");
    assertThat(d.output().get("s").has("RetryCount")).isFalse();
    assertThat(d.output().get("s").has("EnteredTime")).isTrue();
  }

  @Test
  void shouldLeaveRetryCountOutOfAChoiceStatesContext() {
    TestDriver d = new TestDriver("""
        {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice",
          "Choices":[{"Condition":"{% true %}","Next":"E","Output":{"s":"{% $states.context.State %}"}}]},
          "E":{"Type":"Succeed"}}}""").start("{}");
    assertThat(d.output().get("s").has("RetryCount")).isFalse();
  }

  @Test
  void shouldCountRetriesInATaskStatesContext() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f",
          "Parameters":{"n.$":"$$.State.RetryCount"},
          "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":1}],"End":true}}}""").start("{}");
    assertThat(d.lastTask().input().get("n").asInt()).isZero();
    d.failTask("Boom", "again");
    d.fireNextTimer();
    assertThat(d.lastTask().input().get("n").asInt()).isEqualTo(1);
  }

  @Test
  void shouldGiveExpressExecutionsAnExpressArnAndNoRedriveCount() {
    LocalRunner runner = new LocalRunner(EngineOptions.defaults(), Mocks.none(),
        Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), 1L);
    RunResult result = runner.run("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"e.$":"$$.Execution"},"End":true}}}""", "{}", null,
        "EXPRESS");
    JsonNode execution = result.output().get("e");
    assertThat(execution.get("Id").asText()).startsWith("arn:aws:states:us-east-1:123456789012:express:");
    assertThat(execution.has("RedriveCount")).isFalse();
    String name = execution.get("Name").asText();
    assertThat(execution.get("Id").asText()).endsWith(":" + name + ":" + name);
  }

  @Test
  void shouldKeepRedriveCountForStandardExecutions() {
    LocalRunner runner = new LocalRunner(EngineOptions.defaults(), Mocks.none(),
        Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), 1L);
    RunResult result = runner.run("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"e.$":"$$.Execution"},"End":true}}}""", "{}", null,
        "STANDARD");
    assertThat(result.output().get("e").get("RedriveCount").asInt()).isZero();
    assertThat(result.output().get("e").get("Id").asText()).contains(":execution:");
  }
}
