package dev.stepstream.processor;

import dev.stepstream.wire.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the Stepstream topology: commands and task results (co-partitioned by execution ARN) into
 * one processor with the {@code executions}, {@code timers}, {@code timer-index}, {@code history} and
 * {@code schedules} stores (schedule records arrive on the commands topic keyed by schedule ARN); task
 * requests, history, execution summaries, status-change events, Continue commands, dead letters and execution logs out; definitions as a
 * global store.
 */
public final class StepstreamTopology {
  public static final String EXECUTIONS_STORE = ExecutionProcessor.EXECUTIONS_STORE;
  static final String SOURCE = "commands-and-results";
  static final String PROCESSOR = "executions";
  static final String TASKS_SINK = "task-requests";
  static final String HISTORY_SINK = "history";
  static final String EXECUTIONS_SINK = "execution-summaries";
  static final String COMMANDS_SINK = "continue-commands";
  static final String TASK_RESULTS_SINK = "parent-task-results";
  static final String DEAD_LETTERS_SINK = "dead-letters";
  static final String EVENTS_SINK = "status-change-events";
  static final String LOGS_SINK = "execution-logs";

  private StepstreamTopology() {}

  /**
   * The topology for {@code options}.
   *
   * @param taskTopics creates a task topic before the first request is written to it
   * @param metrics counters shared by every processor instance of the topology
   */
  public static Topology build(ProcessorOptions options, TaskTopics taskTopics, ProcessorMetrics metrics) {
    return build(options, taskTopics, metrics, new RunningStores());
  }

  /** @param running where each partition's processor registers its stores for the API's reads */
  static Topology build(ProcessorOptions options, TaskTopics taskTopics, ProcessorMetrics metrics,
      RunningStores running) {
    TopicCatalogue topics = options.topics();
    Topology topology = new Topology();
    AtomicLong definitionLoads = new AtomicLong();
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DefinitionLoader.STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        "definitions-source",
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        topics.definitions(),
        "definitions-loader",
        () -> new DefinitionLoader(definitionLoads));

    topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
        topics.commands(), topics.taskResults());
    topology.addProcessor(PROCESSOR,
        () -> new ExecutionProcessor(options, taskTopics, metrics, running, definitionLoads),
        SOURCE);
    topology.addStateStore(executionsStore(), PROCESSOR);
    topology.addStateStore(timersStore(), PROCESSOR);
    topology.addStateStore(timerIndexStore(), PROCESSOR);
    topology.addStateStore(historyStore(), PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ExecutionTraces.STORE), Serdes.String(), Serdes.String()), PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PendingStarts.STORE), Serdes.String(), Serdes.ByteArray()), PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ScheduleFirings.STORE), Serdes.String(), Serdes.ByteArray()), PROCESSOR);

    topology.addSink(TASKS_SINK, taskTopic(topics), Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
    topology.addSink(HISTORY_SINK, topics.history(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
    topology.addSink(EXECUTIONS_SINK, topics.executions(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
        PROCESSOR);
    topology.addSink(COMMANDS_SINK, topics.commands(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
        PROCESSOR);
    topology.addSink(DEAD_LETTERS_SINK, topics.deadLetters(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer(), PROCESSOR);
    topology.addSink(EVENTS_SINK, topics.events(), Serdes.String().serializer(), Serdes.ByteArray().serializer(),
        PROCESSOR);
    topology.addSink(LOGS_SINK, topics.logs(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
    topology.addSink(TASK_RESULTS_SINK, topics.taskResults(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer(), PROCESSOR);
    return topology;
  }

  private static TopicNameExtractor<String, byte[]> taskTopic(TopicCatalogue topics) {
    return (key, value, context) -> {
      Header header = context.headers().lastHeader(ContextRecordSink.TASK_HEADER);
      return topics.taskTopic(new String(header.value(), StandardCharsets.UTF_8));
    };
  }

  private static StoreBuilder<KeyValueStore<String, byte[]>> executionsStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(EXECUTIONS_STORE), Serdes.String(), Serdes.ByteArray())
        .withLoggingEnabled(RecordLimits.changelogConfig());
  }

  private static StoreBuilder<KeyValueStore<String, byte[]>> historyStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(HistoryStore.STORE), Serdes.String(), Serdes.ByteArray())
        .withLoggingEnabled(RecordLimits.changelogConfig());
  }

  private static StoreBuilder<KeyValueStore<String, String>> timersStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(DurableTimers.TIMERS_STORE), Serdes.String(), Serdes.String());
  }

  private static StoreBuilder<KeyValueStore<String, Long>> timerIndexStore() {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(DurableTimers.INDEX_STORE), Serdes.String(), Serdes.Long());
  }
}
