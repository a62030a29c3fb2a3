package dev.stepstream.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.Command;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The real topology under TopologyTestDriver, with typed helpers for the Stepstream topics. */
final class TopologyHarness implements AutoCloseable {
  static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Test";
  final TopicCatalogue topics = TopicCatalogue.load();
  final ProcessorMetrics metrics = new ProcessorMetrics();
  final RunningStores running = new RunningStores();
  final TopologyTestDriver driver;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private long wallClockMillis = START.toEpochMilli();
  private final TestInputTopic<String, byte[]> definitions;
  private final TestInputTopic<String, byte[]> commands;
  private final TestInputTopic<String, byte[]> results;
  private final TestOutputTopic<String, byte[]> history;
  private final TestOutputTopic<String, byte[]> executions;
  private final TestOutputTopic<String, byte[]> deadLetters;
  private final TestOutputTopic<String, byte[]> continues;
  private final TestOutputTopic<String, byte[]> logs;

  TopologyHarness(Path stateDir) {
    this(stateDir, UnaryOperator.identity());
  }

  /** @param options changes to the default options (the harness's topics, exactly-once, 90 days' retention) */
  TopologyHarness(Path stateDir, UnaryOperator<ProcessorOptions> options) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(
        StepstreamTopology.build(options.apply(ProcessorOptions.defaults(topics)), TaskTopics.preProvisioned(), metrics,
            running),
        props, START);
    definitions = input(topics.definitions());
    commands = input(topics.commands());
    results = input(topics.taskResults());
    history = output(topics.history());
    executions = output(topics.executions());
    deadLetters = output(topics.deadLetters());
    continues = output(topics.commands());
    logs = output(topics.logs());
  }

  private TestInputTopic<String, byte[]> input(String topic) {
    return driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  private TestOutputTopic<String, byte[]> output(String topic) {
    return driver.createOutputTopic(topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  void define(String definitionJson) {
    define(definitionJson, null);
  }

  void define(String definitionJson, dev.stepstream.wire.LoggingConfiguration logging) {
    definitions.pipeInput(MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE, "Test", StateMachineRecord.KIND_STATE_MACHINE,
        definitionJson, "STANDARD", "arn:aws:iam::123456789012:role/test", "r1", 1L, 1L, null, null, logging)));
  }

  /**
   * Defines (or updates) the state machine at {@code revision} as the API writes it: the revision's
   * copy, then the state machine record.
   */
  void defineRevision(String definitionJson, String revision) {
    StateMachineRecord record = new StateMachineRecord(1, MACHINE, "Test", StateMachineRecord.KIND_STATE_MACHINE,
        definitionJson, "STANDARD", "arn:aws:iam::123456789012:role/test", revision, 1L, 1L);
    sendRaw(topics.definitions(), StateMachineRecord.revisionKey(MACHINE, revision), WireJson.encode(record.asRevision()));
    sendRaw(topics.definitions(), MACHINE, WireJson.encode(record));
  }

  /** The execution log events written to the logs topic since the last read. */
  List<JsonNode> logs() {
    return logs.readValuesToList().stream().map(v -> {
      try {
        return WireJson.mapper().readTree(v);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
  }

  String start(String name, JsonNode input) {
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Test:" + name;
    send(new StartExecution(1, arn, MACHINE, name, input, wallClockMillis));
    return arn;
  }

  void send(Command command) {
    commands.pipeInput(command.executionArn(), WireJson.encode(command));
  }

  void send(TaskResult result) {
    results.pipeInput(result.executionArn(), WireJson.encode(result));
  }

  void sendRaw(String topic, String key, byte[] value) {
    input(topic).pipeInput(key, value);
  }

  List<TaskRequest> taskRequests(String taskName) {
    return output(topics.taskTopic(taskName)).readValuesToList().stream()
        .map(v -> WireJson.decode(v, TaskRequest.class)).toList();
  }

  /** The task topic's records (with their headers) since the last read. */
  List<org.apache.kafka.streams.test.TestRecord<String, byte[]>> taskRecords(String taskName) {
    return output(topics.taskTopic(taskName)).readRecordsToList();
  }

  /** The raw history topic values since the last read. */
  List<byte[]> historyRecords() {
    return history.readValuesToList();
  }

  List<HistoryEvent> history() {
    return history.readValuesToList().stream().flatMap(v -> HistoryBatch.eventsOf(v).stream()).toList();
  }

  List<dev.stepstream.wire.ExecutionSummary> summaries() {
    return executions.readValuesToList().stream()
        .map(v -> WireJson.decode(v, dev.stepstream.wire.ExecutionSummary.class)).toList();
  }

  /** Keys and raw values written to the executions topic (null values are tombstones). */
  List<org.apache.kafka.streams.KeyValue<String, byte[]>> summaryRecords() {
    return executions.readKeyValuesToList();
  }

  List<dev.stepstream.wire.DeadLetter> deadLetters() {
    return deadLetters.readValuesToList().stream()
        .map(v -> WireJson.decode(v, dev.stepstream.wire.DeadLetter.class)).toList();
  }

  List<WireRecord> continues() {
    return continues.readValuesToList().stream().map(v -> WireJson.decode(v, WireRecord.class)).toList();
  }

  long nowMillis() {
    return wallClockMillis;
  }

  void advance(Duration duration) {
    wallClockMillis += duration.toMillis();
    driver.advanceWallClockTime(duration);
  }

  @Override
  public void close() {
    driver.close();
  }
}
