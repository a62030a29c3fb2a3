package dev.stepstream.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.bench.harness.BenchKafka;
import dev.stepstream.bench.harness.NamedThreadsCpu;
import dev.stepstream.bench.harness.TopicTap;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import dev.stepstream.worker.TaskWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One real Stepstream processor with one profile on fresh topics, an echo worker, a producer for
 * definitions and commands, and a tap on the executions topic that reports finished executions.
 */
public final class EngineRig implements AutoCloseable {
  static final String ACCOUNT = "123456789012";
  static final String ECHO_TASK = "BenchEcho";
  static final String ECHO_RESOURCE = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + ECHO_TASK;

  private final BenchKafka kafka;
  private final Profile profile;
  private final TopicCatalogue topics;
  private final StepstreamProcessor processor;
  private final KafkaProducer<String, byte[]> producer;
  private final TopicTap finished;
  private final NamedThreadsCpu engineCpu;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong echoed = new AtomicLong();
  private final List<TaskWorker> workers = new ArrayList<>();
  private volatile Consumer<String> onFinished = arn -> { };

  public EngineRig(BenchKafka kafka, Profile profile, int streamThreads, EngineOptions engine) {
    this.kafka = kafka;
    this.profile = profile;
    String prefix = kafka.scenarioPrefix("engine-" + profile.settingName());
    this.topics = TopicCatalogue.load(prefix);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, kafka.partitions(),
        (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of(ECHO_TASK));
    }
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), prefix + "app", topics,
        kafka.stateDir(prefix + "app"), profile, streamThreads, Duration.ofMillis(50), Map.of());
    this.processor = StepstreamProcessor.start(config, engine, Duration.ofSeconds(120));
    this.engineCpu = new NamedThreadsCpu(config.applicationId());
    this.producer = new KafkaProducer<>(kafka.producer(0));
    this.finished = new TopicTap(kafka.consumer(prefix + "bench-finished"), List.of(topics.executions()),
        (arn, summary) -> {
          String status = SummaryStatus.of(summary);
          if (!SummaryStatus.terminal(status)) {
            return false;
          }
          if (!ExecutionStatus.SUCCEEDED.name().equals(status)) {
            failed.incrementAndGet();
          }
          onFinished.accept(arn);
          return true;
        }).start();
  }

  public Profile profile() {
    return profile;
  }

  public TopicCatalogue topics() {
    return topics;
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public StepstreamProcessor processor() {
    return processor;
  }

  /** Executions that reached a final status (any), since the rig started. */
  public long finished() {
    return finished.counted();
  }

  /** Executions that ended in another status than SUCCEEDED. */
  public long failed() {
    return failed.get();
  }

  /** Task round trips answered by the echo worker. */
  public long echoed() {
    return echoed.get();
  }

  /** CPU time (ns) of the processor's threads (those named after its application id), or -1 when unknown. */
  public long engineCpuNanos() {
    return engineCpu.nanos();
  }

  /** Called with the execution ARN of every finished execution (one listener at a time). */
  public void onFinished(Consumer<String> listener) {
    this.onFinished = listener;
  }

  /**
   * Starts the echo worker with {@code concurrency} handler threads, once. It answers with its input's
   * bytes as received (a lazy handler returning its RawJson input), the SDK's cheapest path.
   */
  public void startEchoWorker(int concurrency) {
    if (!workers.isEmpty()) {
      return;
    }
    workers.add(TaskWorker.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(topics.prefix())
        .task(ECHO_TASK).concurrency(concurrency).lazyHandler((input, ctx) -> {
          echoed.incrementAndGet();
          return input;
        }).build().start());
  }

  public String register(String name, String definition) {
    String arn = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:" + name;
    send(topics.definitions(), arn, WireJson.encode(new StateMachineRecord(WireVersions.CURRENT,
        arn, name, StateMachineRecord.KIND_STATE_MACHINE,
        definition, "STANDARD", "", "r1", 1L, 1L)));
    producer.flush();
    return arn;
  }

  public static String executionArn(String machineArn, String name) {
    String machine = machineArn.substring(machineArn.lastIndexOf(':') + 1);
    return "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:" + machine + ":" + name;
  }

  public static byte[] startCommand(String machineArn, String name, JsonNode input) {
    return WireJson.encode(new StartExecution(WireVersions.CURRENT,
        executionArn(machineArn, name), machineArn, name, input,
        System.currentTimeMillis()));
  }

  public String commandsTopic() {
    return topics.commands();
  }

  /** Sends a StartExecution without waiting for the acknowledgement. */
  public void start(String machineArn, String name, JsonNode input) {
    producer.send(new ProducerRecord<>(topics.commands(), executionArn(machineArn, name),
        startCommand(machineArn, name, input)));
  }

  public Map<String, Object> producerConfig() {
    return kafka.producer(0);
  }

  private void send(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write to " + topic, e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    workers.forEach(TaskWorker::close);
    finished.close();
    producer.close(Duration.ofSeconds(10));
    processor.close();
  }
}
