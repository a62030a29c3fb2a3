package dev.stepstream.processor;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.TaskTokenKeys;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Stepstream processor instance: the topology on Kafka Streams, plus interactive queries
 * of the executions it owns. Several instances with the same application id share the partitions.
 */
public final class StepstreamProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StepstreamProcessor.class);

  private final KafkaStreams streams;
  private final AdminTaskTopics taskTopics;
  private final ProcessorMetrics metrics;
  private final HostInfo self;
  private final TaskTokenKeys tokenKeys;
  private final KafkaConnection kafka;
  private final StartupProgress progress;
  private final RunningStores running;

  private StepstreamProcessor(KafkaStreams streams, AdminTaskTopics taskTopics, ProcessorMetrics metrics, HostInfo self,
      TaskTokenKeys tokenKeys, KafkaConnection kafka, StartupProgress progress, RunningStores running) {
    this.streams = streams;
    this.running = running;
    this.progress = progress;
    this.kafka = kafka;
    this.tokenKeys = tokenKeys;
    this.self = self;
    this.taskTopics = taskTopics;
    this.metrics = metrics;
  }

  /**
   * Starts the processor and waits until it is RUNNING. It keeps waiting while restoration or
   * rebalancing make progress, and fails only after {@code stallTimeout} without any.
   */
  public static StepstreamProcessor start(ProcessorConfig config, EngineOptions engine, Duration stallTimeout) {
    StepstreamProcessor processor = launch(config, engine);
    processor.awaitRunning(stallTimeout);
    return processor;
  }

  /**
   * Starts the processor without waiting: it joins its group and restores its state in the
   * background, so that what runs beside it (the API, which answers {@code /health/ready} with 503
   * meanwhile) can start at the same time. Follow with {@link #awaitRunning}.
   */
  public static StepstreamProcessor launch(ProcessorConfig config, EngineOptions engine) {
    StateStorage.requireWritable(config.stateDir());
    ProcessorMetrics metrics = new ProcessorMetrics();
    Optional<Integer> commandPartitions = partitionsOfCommands(config);
    AdminTaskTopics taskTopics = new AdminTaskTopics(
        new TopicProvisioner(config.kafkaConnection(), config.topics(), commandPartitions.orElse(1), (short) -1));
    ProcessorOptions options = ProcessorOptions.of(config, engine);
    RunningStores running = new RunningStores(commandPartitions.orElse(0));
    KafkaStreams streams = new KafkaStreams(
        StepstreamTopology.build(options, taskTopics, metrics, running),
        config.streamsProperties());
    StartupProgress progress = new StartupProgress();
    streams.setStateListener(progress);
    streams.setGlobalStateRestoreListener(progress);
    streams.setUncaughtExceptionHandler(e -> {
      if (StateStorage.isStorageFailure(e)) {
        StateStorage.logStop(config.stateDir(), e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      }
      LOG.error("Stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.start();
    HostInfo self = config.applicationServer() == null ? null : HostInfo.buildFromEndpoint(config.applicationServer());
    StepstreamProcessor processor = new StepstreamProcessor(streams, taskTopics, metrics, self, options.tokenKeys(),
        config.kafkaConnection(), progress, running);
    metrics.pendingTimersFrom(processor::pendingTimers);
    return processor;
  }

  /**
   * Waits until the processor is RUNNING, as long as restoration or rebalancing make progress; after
   * {@code stallTimeout} without any, or when it failed, closes it and throws.
   */
  public void awaitRunning(Duration stallTimeout) {
    try {
      progress.awaitRunning(stallTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the processor", e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Runs {@code action} (once, on a thread of its own) when the processor stops by itself after it
   * started, e.g. because its state directory can no longer be written: the command then exits.
   */
  public void whenStopped(Runnable action) {
    progress.whenStopped(action);
  }

  /** The servers and client (security) properties this processor connects with, for clients beside it. */
  public KafkaConnection kafkaConnection() {
    return kafka;
  }

  private static Optional<Integer> partitionsOfCommands(ProcessorConfig config) {
    try (TopicProvisioner provisioner = new TopicProvisioner(config.kafkaConnection(), config.topics(), 1, (short) -1)) {
      return provisioner.partitionCount(config.topics().commands());
    }
  }

  /** The state of an execution owned by this instance, if any. */
  public Optional<ExecutionState> execution(String executionArn) {
    return located(executionArn).map(found -> ExecutionStateCodec.decode(found.state()));
  }

  /**
   * The execution's summary as the processor publishes it: the state's summary with the execution's
   * {@code traceHeader} (the {@code executions} and {@code traces} stores of its partition; a start
   * without a header has no trace stored, and its trace is generated from the state).
   */
  public Optional<ExecutionSummary> summary(String executionArn) {
    return located(executionArn).map(found -> {
      ExecutionState state = ExecutionStateCodec.decode(found.state());
      ExecutionSummary summary = state.summary();
      String header = ExecutionTraces.headerOf(executionArn, state.startMillis(), found.traces());
      return header.isEmpty() ? summary : summary.withTraceHeader(header);
    });
  }

  /** An execution's stored state, and the traces store of its partition. */
  private record Located(byte[] state, ReadOnlyKeyValueStore<String, String> traces) {}

  /**
   * Reads the execution's state from the stores its partition's processor registered here (the
   * partition from Kafka Streams' metadata when this instance advertises an API, else computed from
   * the key: {@link RunningStores#holding}); when none is registered (nothing runs yet, or the
   * partition is restoring or moving), through an interactive query, which then answers or throws
   * InvalidStateStoreException.
   */
  private Optional<Located> located(String executionArn) {
    Collection<RunningStores.Partition> candidates = self == null ? running.holding(executionArn)
        : running.of(partitionOf(executionArn)).map(List::of).orElse(List.of());
    if (candidates.isEmpty()) {
      byte[] bytes = storeFor(StepstreamTopology.EXECUTIONS_STORE, executionArn).get(executionArn);
      return bytes == null ? Optional.empty()
          : Optional.of(new Located(bytes, store(ExecutionTraces.STORE, executionArn)));
    }
    for (RunningStores.Partition partition : candidates) {
      byte[] bytes = partition.executions().get(executionArn);
      if (bytes != null) {
        return Optional.of(new Located(bytes, partition.traces()));
      }
    }
    return Optional.empty();
  }

  /**
   * History events of an execution owned by this instance with {@code fromId <= id <= toId}, in id
   * order or reversed, at most {@code limit} (interactive query of the {@code history} store).
   */
  public List<HistoryEvent> history(String executionArn, long fromId, long toId, boolean reverse, int limit) {
    return HistoryStore.range(storeFor(HistoryStore.STORE, executionArn), executionArn, fromId, toId, reverse, limit);
  }

  /**
   * The store of the execution's partition when this instance advertises an API (a partition that
   * is still restoring here throws InvalidStateStoreException instead of answering "not found"),
   * otherwise the union of every local partition.
   */
  private ReadOnlyKeyValueStore<String, byte[]> storeFor(String storeName, String executionArn) {
    return store(storeName, executionArn);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String storeName, String executionArn) {
    StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> query =
        StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore());
    if (self != null) {
      query = query.withPartition(partitionOf(executionArn));
    }
    return streams.store(query);
  }

  private int partitionOf(String executionArn) {
    KeyQueryMetadata metadata = streams.queryMetadataForKey(
        StepstreamTopology.EXECUTIONS_STORE, executionArn, Serdes.String().serializer());
    if (metadata == null || metadata.partition() < 0) {
      throw new InvalidStateStoreException("the partition of " + executionArn + " is not known now");
    }
    return metadata.partition();
  }

  /**
   * Which instance owns an execution's partition now (its active task). Without an advertised
   * {@code application.server} this instance answers for every key.
   */
  public ExecutionOwner ownerOf(String executionArn) {
    if (self == null) {
      return ExecutionOwner.HERE;
    }
    KeyQueryMetadata metadata;
    try {
      metadata = streams.queryMetadataForKey(
          StepstreamTopology.EXECUTIONS_STORE, executionArn, Serdes.String().serializer());
    } catch (StreamsException | IllegalStateException e) {
      return new ExecutionOwner.Unknown(e.getMessage());
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
        || metadata.activeHost() == null || HostInfo.unavailable().equals(metadata.activeHost())) {
      return new ExecutionOwner.Unknown("no active instance for the key now (state " + streams.state() + ")");
    }
    HostInfo active = metadata.activeHost();
    return active.equals(self) ? ExecutionOwner.HERE : new ExecutionOwner.There(active.host(), active.port());
  }

  /** The keys this processor signs task tokens with (the API checks tokens against them). */
  public TaskTokenKeys tokenKeys() {
    return tokenKeys;
  }

  /**
   * Execution timers (Wait states, retry backoffs, task timeouts and heartbeats) pending in this
   * instance's local stores, retention clean-ups left out: the {@code timer-index} store holds one
   * entry per cancellable timer (RocksDB's estimate).
   */
  public long pendingTimers() {
    return streams.store(StoreQueryParameters.fromNameAndType(DurableTimers.INDEX_STORE,
        QueryableStoreTypes.<String, byte[]>keyValueStore())).approximateNumEntries();
  }

  public ProcessorMetrics metrics() {
    return metrics;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Stops the instance and leaves the group, so the others take over its partitions (and answer
   * for its executions) at once instead of after the session timeout.
   */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
    taskTopics.close();
  }
}
