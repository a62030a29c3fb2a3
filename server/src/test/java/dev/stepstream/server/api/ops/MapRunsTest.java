package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapRunsTest {
  private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:m:e";
  private static final String RUN_A = "arn:aws:states:us-east-1:123456789012:mapRun:m/A:11111111-1111-1111-1111-111111111111";
  private static final String RUN_B = "arn:aws:states:us-east-1:123456789012:mapRun:m/B:22222222-2222-2222-2222-222222222222";

  private final List<HistoryEvent> history = new ArrayList<>();

  private long event(String type, long previous, JsonNode details) {
    long id = history.size() + 1;
    history.add(new HistoryEvent(WireVersions.CURRENT, EXECUTION, id, previous, 1000 * id, type, null, details, null));
    return id;
  }

  private long mapRunStarted(String stateName, String arn, long previous) {
    long entered = event("MapStateEntered", previous, WireJson.mapper().createObjectNode().put("name", stateName));
    long started = event("MapStateStarted", entered, null);
    return event("MapRunStarted", started, WireJson.mapper().createObjectNode().put("mapRunArn", arn));
  }

  private static ExecutionSummary execution(ExecutionStatus status, Long stopDate) {
    return new ExecutionSummary(WireVersions.CURRENT, EXECUTION, "arn:aws:states:us-east-1:123456789012:stateMachine:m",
        "e", status, 0L, stopDate, null, null, null, null, 0, null, null, null, null);
  }

  @Test
  void shouldPairEachEndWithTheMapRunOfItsEventChainWhenTwoRunInParallel() {
    long a = mapRunStarted("A", RUN_A, 0);
    long b = mapRunStarted("B", RUN_B, 0);
    event("MapRunFailed", b, null);
    event("MapRunSucceeded", a, null);

    List<MapRuns.MapRun> runs = MapRuns.of(execution(ExecutionStatus.FAILED, 99_000L), history);

    assertThat(runs).extracting(MapRuns.MapRun::mapRunArn, MapRuns.MapRun::stateName, MapRuns.MapRun::status,
        MapRuns.MapRun::stopDate).containsExactly(
            org.assertj.core.groups.Tuple.tuple(RUN_A, "A", "SUCCEEDED", 8000L),
            org.assertj.core.groups.Tuple.tuple(RUN_B, "B", "FAILED", 7000L));
  }

  @Test
  void shouldReportAnUnfinishedMapRunRunningOrAbortedByItsExecution() {
    mapRunStarted("A", RUN_A, 0);

    assertThat(MapRuns.of(execution(ExecutionStatus.RUNNING, null), history).get(0).status()).isEqualTo("RUNNING");
    MapRuns.MapRun aborted = MapRuns.of(execution(ExecutionStatus.ABORTED, 50_000L), history).get(0);
    assertThat(aborted.status()).isEqualTo("ABORTED");
    assertThat(aborted.stopDate()).isEqualTo(50_000L);
  }

  @Test
  void shouldNameTheStateMachineOfAMapRunArnAndRefuseOtherText() {
    assertThat(MapRuns.stateMachineOf(RUN_A)).contains("arn:aws:states:us-east-1:123456789012:stateMachine:m");
    assertThat(MapRuns.childStateMachine(RUN_A)).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:m/A");
    assertThat(MapRuns.stateMachineOf("arn:aws:states:us-east-1:123456789012:execution:m:e")).isEmpty();
  }

  @Test
  void shouldDescribeInAwsShapeWithTheDefinitionsLiteralLimits() {
    String definition = """
        {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Map",
          "MaxConcurrency":5,"ToleratedFailureCount":2,"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass",
          "End":true}}},"End":true}}}],"End":true}}}""";
    MapRuns.MapRun run = new MapRuns.MapRun(RUN_A, EXECUTION, "A", "SUCCEEDED", 1000L, 2000L);

    JsonNode out = MapRunOps.description(run, MapRunLimits.of(definition, "A"));

    assertThat(out.get("maxConcurrency").asInt()).isEqualTo(5);
    assertThat(out.get("toleratedFailureCount").asLong()).isEqualTo(2);
    assertThat(out.get("toleratedFailurePercentage").asDouble()).isZero();
    assertThat(out.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(out.get("itemCounts").fieldNames()).toIterable().containsExactlyInAnyOrder("pending", "running",
        "succeeded", "failed", "timedOut", "aborted", "total", "resultsWritten", "failuresNotRedrivable", "pendingRedrive");
    assertThat(out.has("stopDate")).isTrue();
    assertThat(MapRunLimits.of(definition, "missing")).isEqualTo(MapRunLimits.NONE);
  }

  @Test
  void shouldReportTheStatesCountsAndCountChildrenStillRunningAsAbortedOnceTheRunEnded() throws Exception {
    JsonNode counts = WireJson.mapper().readTree("""
        {"itemCounts":{"pending":1,"running":2,"succeeded":3,"failed":1,"total":7,"resultsWritten":4},
         "executionCounts":{"pending":1,"running":2,"succeeded":3,"failed":1,"total":7,"resultsWritten":4}}""");
    MapRuns.MapRun running = new MapRuns.MapRun(RUN_A, EXECUTION, "A", "RUNNING", 1000L, null);
    MapRuns.MapRun aborted = new MapRuns.MapRun(RUN_A, EXECUTION, "A", "ABORTED", 1000L, 2000L);

    JsonNode live = MapRunOps.description(running, MapRunLimits.NONE, counts).get("executionCounts");
    JsonNode ended = MapRunOps.description(aborted, MapRunLimits.NONE, counts).get("itemCounts");

    assertThat(live.toString()).isEqualTo("{\"pending\":1,\"running\":2,\"succeeded\":3,\"failed\":1,"
        + "\"timedOut\":0,\"aborted\":0,\"total\":7,\"resultsWritten\":4,\"failuresNotRedrivable\":0,\"pendingRedrive\":0}");
    assertThat(ended.get("running").asInt()).isZero();
    assertThat(ended.get("aborted").asInt()).isEqualTo(2);
    assertThat(MapRunOps.description(running, MapRunLimits.NONE, null).at("/itemCounts/total").asInt()).isZero();
  }
}
