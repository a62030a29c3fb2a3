package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's items as child executions through the topics: the parent writes one
 * StartExecution per item to the commands topic keyed by the child's ARN, each child writes its end to
 * task-results keyed by the parent, and stopping the parent writes a StopExecution for each running
 * child. The test carries those records back in, as the broker would.
 */
class MapRunChildrenTopologyTest extends TopologyTestCase {
  private TestOutputTopic<String, byte[]> commandsOut;
  private TestOutputTopic<String, byte[]> resultsOut;
  private final List<WireRecord> commandsSeen = new ArrayList<>();

  @BeforeEach
  void readLoopTopics() {
    commandsOut = harness.driver.createOutputTopic(harness.topics.commands(), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
    resultsOut = harness.driver.createOutputTopic(harness.topics.taskResults(), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  private void define(String extra, String processor) {
    harness.define("""
        {"StartAt":"M","States":{"M":{"Type":"Map","Label":"Fan","ItemsPath":"$.items"%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":%s}},"End":true}}}""".formatted(extra, processor));
  }

  /** Carries the commands and task results written so far back in until none is left. */
  private void loop() {
    while (true) {
      List<KeyValue<String, byte[]>> commands = commandsOut.readKeyValuesToList();
      List<KeyValue<String, byte[]>> results = resultsOut.readKeyValuesToList();
      if (commands.isEmpty() && results.isEmpty()) {
        return;
      }
      for (KeyValue<String, byte[]> c : commands) {
        commandsSeen.add(WireJson.decode(c.value, WireRecord.class));
        harness.sendRaw(harness.topics.commands(), c.key, c.value);
      }
      results.forEach(r -> harness.sendRaw(harness.topics.taskResults(), r.key, r.value));
    }
  }

  private List<StartExecution> childStarts() {
    return commandsSeen.stream().filter(StartExecution.class::isInstance).map(StartExecution.class::cast).toList();
  }

  private Map<String, ExecutionSummary> latestSummaries() {
    return harness.summaries().stream().collect(Collectors.toMap(ExecutionSummary::executionArn, s -> s,
        (a, b) -> b));
  }

  @Test
  void shouldRunEachItemAsAChildExecutionKeyedByItsArnAndAnswerTheParent() throws Exception {
    define("", "{\"Type\":\"Pass\",\"Parameters\":{\"v.$\":\"$.n\"},\"End\":true}");
    String parent = harness.start("parent", WireJson.mapper().readTree("{\"items\":[{\"n\":1},{\"n\":2},{\"n\":3}]}"));

    loop();

    List<StartExecution> starts = childStarts();
    assertThat(starts).hasSize(3).allSatisfy(start -> {
      assertThat(start.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:execution:Test/Fan:");
      assertThat(start.stateMachineArn()).isEqualTo(TopologyHarness.MACHINE + "/Fan");
      assertThat(start.parent().executionArn()).isEqualTo(parent);
    });
    Map<String, ExecutionSummary> summaries = latestSummaries();
    ExecutionSummary done = summaries.get(parent);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo(WireJson.mapper().readTree("[{\"v\":1},{\"v\":2},{\"v\":3}]"));
    ExecutionSummary child = summaries.get(starts.get(0).executionArn());
    assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(child.mapRunArn()).isEqualTo(starts.get(0).parent().resource()).contains(":mapRun:Test/Fan:");
    List<HistoryEvent> history = harness.history();
    assertThat(history.stream().filter(e -> e.executionArn().equals(parent)).map(HistoryEvent::eventType))
        .containsExactly("ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted",
            "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    assertThat(history.stream().filter(e -> e.executionArn().equals(starts.get(0).executionArn()))
        .map(HistoryEvent::eventType)).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
            "ExecutionSucceeded");
    assertThat(harness.deadLetters()).isEmpty();
  }

  @Test
  void shouldStopTheRunningChildrenWhenTheParentIsStopped() throws Exception {
    define(",\"MaxConcurrency\":2", "{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}");
    String parent = harness.start("parent", WireJson.mapper().readTree("{\"items\":[1,2,3]}"));
    loop();
    assertThat(childStarts()).hasSize(2);

    harness.send(new StopExecution(1, parent, "Stopped", "by the test", harness.nowMillis()));
    loop();

    List<String> stopped = commandsSeen.stream().filter(StopExecution.class::isInstance)
        .map(c -> ((StopExecution) c).executionArn()).filter(arn -> !arn.equals(parent)).toList();
    assertThat(stopped).containsExactlyInAnyOrderElementsOf(childStarts().stream().map(StartExecution::executionArn).toList());
    Map<String, ExecutionSummary> summaries = latestSummaries();
    assertThat(summaries.get(parent).status()).isEqualTo(ExecutionStatus.ABORTED);
    for (String child : stopped) {
      assertThat(summaries.get(child).status()).as(child).isEqualTo(ExecutionStatus.ABORTED);
    }
    assertThat(harness.deadLetters()).isEmpty();
  }

  @Test
  void shouldFailTheParentWithTheChildsErrorWhenNoFailureIsTolerated() throws Exception {
    define("", """
        {"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"OK"},
        "F":{"Type":"Fail","Error":"Bad","Cause":"two"},"OK":{"Type":"Succeed"}""");
    String parent = harness.start("parent", WireJson.mapper().readTree("{\"items\":[1,2,3]}"));

    loop();

    ExecutionSummary done = latestSummaries().get(parent);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Bad");
    assertThat(done.cause()).isEqualTo("two");
    JsonNode failed = harness.history().stream().filter(e -> e.eventType().equals("MapRunFailed")).findFirst()
        .orElseThrow().details();
    assertThat(failed.get("error").asText()).isEqualTo("Bad");
  }
}
