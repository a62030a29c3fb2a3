package dev.stepstream.processor;

import static dev.stepstream.wire.ExecutionStatus.RUNNING;
import static dev.stepstream.wire.ExecutionStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TraceContext;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An execution's trace on every task request (traceparent header) and summary (traceHeader). */
class ExecutionTracesTopologyTest extends TopologyTestCase {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
  private static final String TWO_TASKS = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work", "Next": "B"},
        "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work", "End": true}}}
      """;


  @BeforeEach
  void defineTheMachine() {
    harness.define(TWO_TASKS);
  }

  @Test
  void shouldCarryTheStartsTraceOnEveryTaskRequestAndSummary() {
    String arn = start("traced", XRAY);

    List<TestRecord<String, byte[]>> requests = bothTaskRequests(arn);

    TraceContext one = traceOf(requests.get(0));
    TraceContext two = traceOf(requests.get(1));
    assertThat(one.traceId()).isEqualTo("5759e988bd862e3fe1be46a994272793").isEqualTo(two.traceId());
    assertThat(one.spanId()).isNotEqualTo(two.spanId());
    assertThat(one.sampled()).isTrue();
    assertThat(harness.summaries()).extracting(ExecutionSummary::traceHeader).containsOnly(XRAY);
    assertThat(traceStore().get(arn)).as("a header is kept: it cannot be derived").endsWith(" " + XRAY);
  }

  @Test
  void shouldGenerateATraceForAStartWithoutHeaderAndShowItInXRayForm() {
    start("untraced", null);

    TraceContext trace = traceOf(single(harness.taskRecords("Work")));
    String shown = harness.summaries().get(0).traceHeader();

    assertThat(shown).startsWith("Root=1-" + trace.traceId().substring(0, 8) + "-" + trace.traceId().substring(8) + ";");
    assertThat(traceStore().approximateNumEntries()).as("a generated trace is derived, not stored").isZero();
  }

  @Test
  void shouldKeepAGeneratedTraceForTheWholeExecution() {
    String arn = start("untraced-two-tasks", null);

    List<TestRecord<String, byte[]>> requests = bothTaskRequests(arn);
    harness.send(new TaskSucceeded(1, arn, decode(requests.get(1)).taskToken(), JSON.objectNode()));

    String traceId = traceOf(requests.get(0)).traceId();
    assertThat(traceOf(requests.get(1)).traceId()).isEqualTo(traceId);
    List<ExecutionSummary> summaries = harness.summaries();
    assertThat(summaries).extracting(ExecutionSummary::status).containsExactly(RUNNING, SUCCEEDED);
    assertThat(summaries.get(1).traceHeader()).isEqualTo(summaries.get(0).traceHeader())
        .contains(traceId.substring(8));
  }

  /** The first Task's request, answered, and the second Task's request. */
  private List<TestRecord<String, byte[]>> bothTaskRequests(String arn) {
    TestRecord<String, byte[]> first = single(harness.taskRecords("Work"));
    harness.send(new TaskSucceeded(1, arn, decode(first).taskToken(), JSON.objectNode()));
    return List.of(first, single(harness.taskRecords("Work")));
  }

  private KeyValueStore<String, String> traceStore() {
    return harness.driver.getKeyValueStore(ExecutionTraces.STORE);
  }

  private String start(String name, String traceHeader) {
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:" + name;
    harness.send(new StartExecution(1, arn, TopologyHarness.MACHINE, name, JSON.objectNode(), 1L, null, traceHeader));
    return arn;
  }

  private static TraceContext traceOf(TestRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(TraceContext.HEADER);
    assertThat(header).as("traceparent header").isNotNull();
    return TraceContext.fromTraceparent(new String(header.value(), StandardCharsets.UTF_8)).orElseThrow();
  }

  private static TaskRequest decode(TestRecord<String, byte[]> record) {
    return WireJson.decode(record.value(), TaskRequest.class);
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
