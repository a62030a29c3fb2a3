package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.WireJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AWS: "Executions that are in progress will continue to use the previous definition" after
 * UpdateStateMachine (UpdateStateMachine API reference). The definitions topic is written as the API
 * writes it: the revision copy, then the state machine record.
 */
class DefinitionPinningTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String WAIT_THEN = """
      {"StartAt": "Pause", "States": {
        "Pause": {"Type": "Wait", "Seconds": 60, "Next": "Finish"},
        "Finish": {"Type": "Pass", "Result": "%s", "End": true}}}
      """;

  @Test
  void shouldFinishAWaitingExecutionOnTheDefinitionItStartedWithAfterAnUpdate() {
    harness.defineRevision(WAIT_THEN.formatted("old definition"), "r1");
    String running = harness.start("started-before-update", JSON.objectNode());
    harness.defineRevision(WAIT_THEN.formatted("new definition"), "r2");
    String later = harness.start("started-after-update", JSON.objectNode());

    harness.advance(Duration.ofSeconds(61));

    List<ExecutionSummary> summaries = harness.summaries();
    ExecutionSummary first = lastOf(summaries, running);
    assertThat(first.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(first.output().asText()).isEqualTo("old definition");
    assertThat(first.revisionId()).isEqualTo("r1");
    ExecutionSummary second = lastOf(summaries, later);
    assertThat(second.output().asText()).isEqualTo("new definition");
    assertThat(second.revisionId()).isEqualTo("r2");
  }

  @Test
  void shouldFinishOnTheCurrentDefinitionWhenNoRevisionCopyExists() {
    harness.define(WAIT_THEN.formatted("r1 without copy"));
    String running = harness.start("legacy", JSON.objectNode());
    harness.sendRaw(harness.topics.definitions(), TopologyHarness.MACHINE, WireJson.encode(machine(
        WAIT_THEN.formatted("current"), "r2")));

    harness.advance(Duration.ofSeconds(61));

    assertThat(lastOf(harness.summaries(), running).output().asText()).isEqualTo("current");
  }

  private static StateMachineRecord machine(String definition, String revision) {
    return new StateMachineRecord(1, TopologyHarness.MACHINE, "Test", StateMachineRecord.KIND_STATE_MACHINE, definition,
        "STANDARD", "arn:aws:iam::123456789012:role/test", revision, 1L, 1L);
  }

  private static ExecutionSummary lastOf(List<ExecutionSummary> summaries, String executionArn) {
    return summaries.stream().filter(s -> s.executionArn().equals(executionArn)).reduce((a, b) -> b).orElseThrow();
  }
}
