package dev.stepstream.dist.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryBatch;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.TaskHandler;
import dev.stepstream.worker.TaskWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A processor on the real test broker plus typed access to its topics: register machines, start
 * executions, run SDK workers, and collect summaries and history as they are committed.
 */
final class E2eHarness implements AutoCloseable {
  static final String ACCOUNT = "123456789012";
  final KafkaCluster kafka;
  final TopicCatalogue topics;
  final StepstreamProcessor processor;
  private final KafkaProducer<String, byte[]> producer;
  private final Map<String, ExecutionSummary> finished = new ConcurrentHashMap<>();
  private final Map<String, List<HistoryEvent>> history = new ConcurrentHashMap<>();
  private final List<TaskWorker> workers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean collecting = new AtomicBoolean(true);
  private final Thread collector;

  E2eHarness(KafkaCluster kafka, Path stateDir, List<String> taskNames) {
    this.kafka = kafka;
    this.topics = TopicCatalogue.load("e2e-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 3, (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(taskNames);
    }
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), "e2e-" + UUID.randomUUID(), topics,
        stateDir, Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of());
    processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    collector = new Thread(this::collect, "e2e-collector");
    collector.setDaemon(true);
    collector.start();
  }

  String register(String name, String definition) {
    String arn = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:" + name;
    send(topics.definitions(), arn, WireJson.encode(new StateMachineRecord(1, arn, name, StateMachineRecord.KIND_STATE_MACHINE,
        definition, "STANDARD", "", "r1", 1L, 1L)));
    return arn;
  }

  String start(String machineArn, String name, JsonNode input) {
    String machine = machineArn.substring(machineArn.lastIndexOf(':') + 1);
    String arn = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:" + machine + ":" + name;
    send(topics.commands(), arn,
        WireJson.encode(new StartExecution(1, arn, machineArn, name, input, System.currentTimeMillis())));
    return arn;
  }

  void send(TaskResult result) {
    send(topics.taskResults(), result.executionArn(), WireJson.encode(result));
  }

  TaskWorker worker(String task, int concurrency, TaskHandler handler) {
    TaskWorker worker = TaskWorker.builder().bootstrapServers(kafka.bootstrapServers())
        .topicPrefix(topics.prefix()).task(task).concurrency(concurrency).handler(handler).build().start();
    workers.add(worker);
    return worker;
  }

  ExecutionSummary await(String executionArn, Duration timeout) {
    return Eventually.await(timeout, () -> {
      ExecutionSummary summary = finished.get(executionArn);
      if (summary == null) {
        throw new AssertionError("execution " + executionArn + " has not finished");
      }
      return summary;
    });
  }

  /** The execution's history once its final event has arrived. */
  List<HistoryEvent> history(String executionArn) {
    return Eventually.await(Duration.ofSeconds(20), () -> {
      List<HistoryEvent> events = new ArrayList<>(history.getOrDefault(executionArn, List.of()));
      if (events.size() < 2 || !events.get(events.size() - 1).eventType().startsWith("Execution")) {
        throw new AssertionError("no complete history for " + executionArn + " yet: " + events.size() + " events");
      }
      return events;
    });
  }

  List<String> eventTypes(String executionArn) {
    return history(executionArn).stream().map(HistoryEvent::eventType).toList();
  }

  private void collect() {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "e2e-collector-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topics.executions(), topics.history()));
      while (collecting.get()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
          if (r.topic().equals(topics.history())) {
            history.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>())
                .addAll(HistoryBatch.eventsOf(r.value()));
          } else {
            ExecutionSummary s = WireJson.decode(r.value(), ExecutionSummary.class);
            if (s.status() != ExecutionStatus.RUNNING) {
              finished.put(r.key(), s);
            }
          }
        }
      }
    }
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
    collecting.set(false);
    collector.join(5_000);
    producer.close();
    processor.close();
  }
}
