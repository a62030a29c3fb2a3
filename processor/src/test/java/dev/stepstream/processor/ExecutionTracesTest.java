package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.StartExecution;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionTracesTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Test:one";
  private static final String TRACE = "5759e988bd862e3fe1be46a994272793";

  private final MapStore<String, String> store = new MapStore<>(ExecutionTraces.STORE);
  private static final long START_MILLIS = 1_767_225_600_000L;
  private static final ExecutionState STATE = stateOf(start(""), START_MILLIS);

  private final ExecutionTraces traces = new ExecutionTraces(store);

  private static StartExecution start(String traceHeader) {
    return new StartExecution(1, ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:Test", "one",
        JsonNodeFactory.instance.objectNode(), 1L, null, traceHeader);
  }

  @Test
  void shouldReadTheStoreOnlyForATraceItHasNotSeenWhileItLives() {
    store.put(ARN, "1 00-" + TRACE + "-53995c3f42cd8ad8-01 ");
    assertThat(traces.find(ARN, null)).map(t -> t.context().traceId()).contains(TRACE);

    store.put(ARN, "1 00-" + "a".repeat(32) + "-53995c3f42cd8ad8-01 ");

    assertThat(traces.find(ARN, null)).as("answered from the parsed copy").map(t -> t.context().traceId()).contains(TRACE);
    assertThat(new ExecutionTraces(store).find(ARN, null)).as("a new processor reads the store")
        .map(t -> t.context().traceId()).contains("a".repeat(32));
  }

  @Test
  void shouldKeepTheFirstTraceWhenTheSameExecutionStartsAgain() {
    traces.started(start("00-" + TRACE + "-53995c3f42cd8ad8-01"), START_MILLIS);
    traces.started(start("00-" + "b".repeat(32) + "-53995c3f42cd8ad8-01"), START_MILLIS);

    assertThat(traces.find(ARN, null)).map(t -> t.context().traceId()).contains(TRACE);
    assertThat(store.get(ARN)).contains(TRACE);
  }

  @Test
  void shouldWriteTheTraceOfANewExecutionWithoutReadingTheStore() {
    store.put(ARN, "not a stored trace: started() is only called for an execution without state, so it must not read this");

    traces.started(start("00-" + TRACE + "-53995c3f42cd8ad8-01"), START_MILLIS);

    assertThat(store.get(ARN)).startsWith("1 00-" + TRACE);
  }

  @Test
  void shouldSeedATaskRequestsSpanFromItsFirstKibibyteAndItsLength() {
    byte[] small = "{\"type\":\"TaskRequest\",\"taskToken\":\"t1\"}".getBytes(StandardCharsets.UTF_8);
    byte[] otherSmall = "{\"type\":\"TaskRequest\",\"taskToken\":\"t2\"}".getBytes(StandardCharsets.UTF_8);
    byte[] large = new byte[4096];
    byte[] otherTail = large.clone();
    otherTail[4000] = 7;
    byte[] otherHead = large.clone();
    otherHead[20] = 7;
    byte[] otherLastSeeded = large.clone();
    otherLastSeeded[1023] = 7;

    assertThat(ExecutionTraces.Trace.seedOf(small.clone())).isEqualTo(ExecutionTraces.Trace.seedOf(small));
    assertThat(ExecutionTraces.Trace.seedOf(otherSmall)).isNotEqualTo(ExecutionTraces.Trace.seedOf(small));
    assertThat(ExecutionTraces.Trace.seedOf(otherTail)).isEqualTo(ExecutionTraces.Trace.seedOf(large));
    assertThat(ExecutionTraces.Trace.seedOf(otherHead)).isNotEqualTo(ExecutionTraces.Trace.seedOf(large));
    assertThat(ExecutionTraces.Trace.seedOf(otherLastSeeded)).isNotEqualTo(ExecutionTraces.Trace.seedOf(large));
    assertThat(ExecutionTraces.Trace.seedOf(Arrays.copyOf(large, 4097))).isNotEqualTo(ExecutionTraces.Trace.seedOf(large));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "00-" + TRACE + "-53995c3f42cd8ad8-01",
      "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0", "not a trace header"})
  void shouldKeepTheSameTraceAsAProcessorThatFindsItAfterARestart(String header) {
    traces.started(start(header), START_MILLIS);

    assertThat(traces.find(ARN, STATE)).isPresent().isEqualTo(new ExecutionTraces(store).find(ARN, STATE));
    assertThat(ExecutionTraces.headerOf(ARN, START_MILLIS, store)).as("the header the API shows")
        .isEqualTo(traces.find(ARN, STATE).orElseThrow().header());
  }

  @ParameterizedTest
  @NullAndEmptySource
  void shouldStoreNothingForAStartWithoutAHeaderAndGenerateItsTraceFromTheState(String header) {
    traces.started(start(header), START_MILLIS);

    assertThat(store.approximateNumEntries()).isZero();
    ExecutionTraces.Trace trace = traces.find(ARN, STATE).orElseThrow();
    assertThat(trace).isEqualTo(ExecutionTraces.generated(ARN, START_MILLIS));
    assertThat(trace.header()).isEqualTo(trace.context().xrayHeader());
    assertThat(ExecutionTraces.generated(ARN, START_MILLIS + 1)).as("another start time, another trace")
        .isNotEqualTo(trace);
  }

  @Test
  void shouldGenerateDifferentTracesForArnsWithTheSameHashCode() {
    String one = ARN + "Aa";
    String other = ARN + "BB";
    assertThat(one.hashCode()).isEqualTo(other.hashCode());

    assertThat(ExecutionTraces.generated(one, START_MILLIS).context().traceId())
        .isNotEqualTo(ExecutionTraces.generated(other, START_MILLIS).context().traceId());
  }

  @Test
  void shouldStoreTheHeaderOfAStartThatBroughtOneEvenWhenItNamesNoTrace() {
    traces.started(start("not a trace header"), START_MILLIS);

    assertThat(store.get(ARN)).endsWith(" not a trace header");
    assertThat(new ExecutionTraces(store).find(ARN, STATE)).map(ExecutionTraces.Trace::header)
        .contains("not a trace header");
  }

  @Test
  void shouldFindNoTraceForAnExecutionWithoutStateOrStoredTrace() {
    assertThat(traces.find(ARN, null)).isEmpty();
  }

  @Test
  void shouldFindNothingOnceForgotten() {
    traces.started(start("00-" + TRACE + "-53995c3f42cd8ad8-01"), START_MILLIS);
    traces.find(ARN, STATE);

    traces.forget(ARN);

    assertThat(traces.find(ARN, null)).isEmpty();
    assertThat(store.map).isEmpty();
  }

  @Test
  void shouldDeleteNothingWhenForgettingAGeneratedTrace() {
    traces.started(start(null), START_MILLIS);
    traces.find(ARN, STATE);

    traces.forget(ARN);

    assertThat(store.deletes).as("no delete, so no changelog tombstone, for a key never written").isZero();
    assertThat(traces.find(ARN, null)).isEmpty();
  }

  private static ExecutionState stateOf(StartExecution start, long startMillis) {
    return new ExecutionState(new ExecutionState.Header(start.executionArn(), start.stateMachineArn(), start.name(),
        ExecutionStatus.RUNNING, startMillis, -1, start.input(), null, null, null, 1, 0, 0, 0, 0, 0, null, null),
        Map.of(), Map.of());
  }
}
