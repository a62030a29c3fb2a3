package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutionLogsTest {
  private static final String EXECUTION = SampleRecords.EXECUTION;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static Stream<Arguments> levelTable() {
    // Rows of AWS's log level table (Step Functions developer guide, "Log levels").
    return Stream.of(
        Arguments.of("ExecutionStarted", true, false, false),
        Arguments.of("ExecutionSucceeded", true, false, false),
        Arguments.of("ExecutionFailed", true, true, true),
        Arguments.of("ExecutionAborted", true, true, true),
        Arguments.of("ExecutionTimedOut", true, true, true),
        Arguments.of("FailStateEntered", true, true, false),
        Arguments.of("TaskFailed", true, true, false),
        Arguments.of("TaskTimedOut", true, true, false),
        Arguments.of("LambdaFunctionFailed", true, true, false),
        Arguments.of("LambdaFunctionSucceeded", true, false, false),
        Arguments.of("MapIterationFailed", true, true, false),
        Arguments.of("ParallelStateFailed", true, true, false),
        Arguments.of("WaitStateAborted", true, true, false),
        Arguments.of("PassStateEntered", true, false, false),
        Arguments.of("TaskStateExited", true, false, false));
  }

  @ParameterizedTest
  @MethodSource("levelTable")
  void shouldLogAnEventTypeAtTheLevelsAwsTableGives(String type, boolean all, boolean error, boolean fatal) {
    assertThat(ExecutionLogs.logged("ALL", type)).isEqualTo(all);
    assertThat(ExecutionLogs.logged("ERROR", type)).isEqualTo(error);
    assertThat(ExecutionLogs.logged("FATAL", type)).isEqualTo(fatal);
    assertThat(ExecutionLogs.logged("OFF", type)).isFalse();
  }

  @Test
  void shouldWriteTheCloudWatchShapeWithAwsFieldNamesAndNumbersAsStrings() {
    HistoryEvent started = new HistoryEvent(1, EXECUTION, 1, 0, 1_713_959_670_672L, "ExecutionStarted",
        "executionStartedEventDetails", details());

    ObjectNode log = ExecutionLogs.event(started, 0, true);

    assertThat(iterable(log.fieldNames())).containsExactly(
        "id", "type", "details", "previous_event_id", "event_timestamp", "execution_arn", "redrive_count");
    assertThat(log.get("id").textValue()).isEqualTo("1");
    assertThat(log.get("type").textValue()).isEqualTo("ExecutionStarted");
    assertThat(log.get("previous_event_id").textValue()).isEqualTo("0");
    assertThat(log.get("event_timestamp").textValue()).isEqualTo("1713959670672");
    assertThat(log.get("execution_arn").textValue()).isEqualTo(EXECUTION);
    assertThat(log.get("redrive_count").textValue()).isEqualTo("0");
    assertThat(log.get("details")).isEqualTo(details());
    assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("classpath:stepstream/schemas/execution-log.schema.json")).validate(log)).isEmpty();
  }

  @Test
  void shouldDropInputAndOutputWhenExecutionDataIsExcluded() {
    HistoryEvent started = new HistoryEvent(1, EXECUTION, 3, 2, 5L, "TaskStateExited", "stateExitedEventDetails",
        details().put("output", "{}").set("outputDetails", JSON.objectNode().put("truncated", false)));

    ObjectNode log = ExecutionLogs.event(started, 2, false);

    assertThat(iterable(log.get("details").fieldNames())).containsExactly("roleArn");
    assertThat(log.get("redrive_count").textValue()).isEqualTo("2");
    assertThat(started.details().has("input")).as("the history event is not changed").isTrue();
  }

  @Test
  void shouldLeaveOutDetailsForAnEventWithout() {
    ObjectNode log = ExecutionLogs.event(new HistoryEvent(1, EXECUTION, 4, 3, 5L, "ParallelStateStarted", null, null), 0, true);

    assertThat(log.has("details")).isFalse();
  }

  @Test
  void shouldBoundWorkerOutputToTheLastLinesAndCutLongLines() {
    List<String> many = Stream.iterate(0, i -> i + 1).limit(WorkerOutput.MAX_LINES + 5).map(i -> "line " + i).toList();

    List<String> bounded = WorkerOutput.bound(many);

    assertThat(bounded).hasSize(WorkerOutput.MAX_LINES).startsWith("line 5").endsWith("line 104");
    String cut = WorkerOutput.bound(List.of("x".repeat(5000))).get(0);
    assertThat(cut).hasSize(WorkerOutput.MAX_LINE_CHARS).endsWith("…");
    assertThat(WorkerOutput.bound(List.of())).isNull();
  }

  private static ObjectNode details() {
    ObjectNode d = JSON.objectNode();
    d.put("input", "{\"a\":1}");
    d.putObject("inputDetails").put("truncated", false);
    d.put("roleArn", "arn:aws:iam::123456789012:role/sfn");
    return d;
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
