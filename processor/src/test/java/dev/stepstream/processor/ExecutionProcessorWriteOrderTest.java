package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * The API reads a partition's stores while its stream thread writes them (DescribeExecution, then
 * GetExecutionHistory): a decision's history must be in the {@code history} store before the state
 * it leads to is in the {@code executions} store.
 */
class ExecutionProcessorWriteOrderTest {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Order";
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Order:one";

  private final MapStore<String, byte[]> executions = new MapStore<>(ExecutionProcessor.EXECUTIONS_STORE);
  private final MapStore<String, byte[]> history = new MapStore<>(HistoryStore.STORE);
  private final MapStore<String, byte[]> definitions = new MapStore<>(DefinitionLoader.STORE);
  private final MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();

  private final List<Integer> historyEntriesAtEachStatePut = new ArrayList<>();

  @Test
  void shouldStoreADecisionsHistoryBeforeTheStateItLeadsTo() {
    define("""
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}
        """);
    ExecutionProcessor processor = processor(ProcessorOptions.defaults(TopicCatalogue.load()));

    processor.process(start());

    assertThat(ExecutionStateCodec.decode(executions.map.get(ARN)).status().finished()).isTrue();
    assertThat(history.map).isNotEmpty();
    assertThat(historyEntriesAtEachStatePut).containsExactly(history.map.size());
  }

  @Test
  void shouldStoreTheHistoryOfAStopForAnOversizedStateBeforeTheStoppedState() {
    define("""
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work", "End": true}}}
        """);
    ExecutionProcessor processor = processor(ProcessorOptions.defaults(TopicCatalogue.load()).withMaxStateBytes(8_000));
    processor.process(start());
    byte[] requested = (byte[]) context.forwarded(StepstreamTopology.TASKS_SINK).get(0).record().value();
    TaskRequest request = WireJson.decode(requested, TaskRequest.class);
    int historyAfterStart = history.map.size();

    processor.process(new Record<>(ARN, WireJson.encode(new TaskSucceeded(1, ARN, request.taskToken(),
        JsonNodeFactory.instance.objectNode().put("blob", "x".repeat(8_000)))), 1_767_225_601_000L));

    assertThat(ExecutionStateCodec.decode(executions.map.get(ARN)).status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(history.map.size()).isGreaterThan(historyAfterStart);
    assertThat(historyEntriesAtEachStatePut).containsExactly(historyAfterStart, history.map.size());
  }

  private void define(String definition) {
    definitions.put(MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE, "Order",
        StateMachineRecord.KIND_STATE_MACHINE, definition, "STANDARD", "arn:aws:iam::123456789012:role/test", "r1", 1L,
        1L, null, null, null)));
  }

  private static Record<String, byte[]> start() {
    return new Record<>(ARN, WireJson.encode(new StartExecution(1, ARN, MACHINE, "one",
        JsonNodeFactory.instance.objectNode(), 1_767_225_600_000L, null, null)), 1_767_225_600_000L);
  }

  private ExecutionProcessor processor(ProcessorOptions options) {
    executions.beforePut = () -> historyEntriesAtEachStatePut.add(history.map.size());
    for (var store : List.of(executions, history, definitions, new MapStore<String, byte[]>(PendingStarts.STORE),
        new MapStore<String, byte[]>(ScheduleFirings.STORE))) {
      context.addStateStore(store);
    }
    context.addStateStore(new MapStore<String, String>(DurableTimers.TIMERS_STORE));
    context.addStateStore(new MapStore<String, Long>(DurableTimers.INDEX_STORE));
    context.addStateStore(new MapStore<String, String>(ExecutionTraces.STORE));
    context.setRecordMetadata(TopicCatalogue.load().commands(), 0, 0);
    context.setCurrentSystemTimeMs(1_767_225_600_000L);
    ExecutionProcessor processor = new ExecutionProcessor(options, TaskTopics.preProvisioned(), new ProcessorMetrics(),
        new RunningStores(), new AtomicLong(1));
    processor.init(context);
    return processor;
  }
}
