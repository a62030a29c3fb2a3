package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
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

  @Test
  void shouldStoreADecisionsHistoryBeforeTheStateItLeadsTo() {
    definitions.put(MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE, "Order",
        StateMachineRecord.KIND_STATE_MACHINE, """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}
            """, "STANDARD", "arn:aws:iam::123456789012:role/test", "r1", 1L, 1L, null, null, null)));
    List<Integer> historyEntriesAtEachStatePut = new ArrayList<>();
    executions.beforePut = () -> historyEntriesAtEachStatePut.add(history.map.size());
    ExecutionProcessor processor = processor();

    processor.process(new Record<>(ARN, WireJson.encode(new StartExecution(1, ARN, MACHINE, "one",
        JsonNodeFactory.instance.objectNode(), 1_767_225_600_000L, null, null)), 1_767_225_600_000L));

    assertThat(ExecutionStateCodec.decode(executions.map.get(ARN)).status().finished()).isTrue();
    assertThat(history.map).isNotEmpty();
    assertThat(historyEntriesAtEachStatePut).containsExactly(history.map.size());
  }

  private ExecutionProcessor processor() {
    for (var store : List.of(executions, history, definitions, new MapStore<String, byte[]>(PendingStarts.STORE),
        new MapStore<String, byte[]>(ScheduleFirings.STORE))) {
      context.addStateStore(store);
    }
    context.addStateStore(new MapStore<String, String>(DurableTimers.TIMERS_STORE));
    context.addStateStore(new MapStore<String, Long>(DurableTimers.INDEX_STORE));
    context.addStateStore(new MapStore<String, String>(ExecutionTraces.STORE));
    context.setRecordMetadata(TopicCatalogue.load().commands(), 0, 0);
    context.setCurrentSystemTimeMs(1_767_225_600_000L);
    ExecutionProcessor processor = new ExecutionProcessor(ProcessorOptions.defaults(TopicCatalogue.load()),
        TaskTopics.preProvisioned(), new ProcessorMetrics(), new RunningStores(), new AtomicLong(1));
    processor.init(context);
    return processor;
  }
}
