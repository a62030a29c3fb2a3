package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.broker.FreePorts;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.TaskWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of the engine ({@code serve} in a child JVM) with executions of a five-Task workflow (and
 * a Wait) in flight, under each profile: after a restart on the same state directory every execution
 * completes exactly once. What a read_committed reader may see twice depends on the profile:
 *
 * <ul>
 *   <li>exactly-once, latency: nothing. One terminal summary, each history id once, each task request
 *       handled once by the (live) workers;
 *   <li>fast (at-least-once): a task request, a history batch or a summary may be written again after
 *       the crash (same token, same event ids, same content); the results are still applied once, so
 *       history ids stay dense and the output shows each Task ran once.
 * </ul>
 */
@ExtendWith(KafkaClusterExtension.class)
class EngineFaultIT {
  private static final Logger LOG = LoggerFactory.getLogger(EngineFaultIT.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int EXECUTIONS = 200;
  private static final int TASKS = 5;
  private static final Duration READY = Duration.ofSeconds(240);
  private static final String ACCOUNT = "123456789012";
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:Step";
  private static final String DEFINITION = """
      {"StartAt": "T1", "States": {
        "T1": {"Type": "Task", "Resource": "%1$s", "Next": "T2"},
        "T2": {"Type": "Task", "Resource": "%1$s", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 1, "Next": "T3"},
        "T3": {"Type": "Task", "Resource": "%1$s", "Next": "T4"},
        "T4": {"Type": "Task", "Resource": "%1$s", "Next": "T5"},
        "T5": {"Type": "Task", "Resource": "%1$s", "End": true}}}
      """.formatted(LAMBDA);

  @TempDir Path dir;
  /** The serve logs stay in target/ for a look after a failure. */
  private final Path logs = Path.of("target", "engine-fault-logs");
  private final Map<String, AtomicInteger> handledByToken = new ConcurrentHashMap<>();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exactly-once", "latency", "fast"})
  void shouldCompleteEveryExecutionExactlyOnceAfterTheEngineIsKilled(String profile, KafkaCluster kafka)
      throws Exception {
    String prefix = "fault-" + profile + ".";
    TopicCatalogue topics = TopicCatalogue.load(prefix);
    Files.createDirectories(logs);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 6, (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of("Step"));
    }
    String machine = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:FiveSteps";
    ServeProcess.Settings settings = new ServeProcess.Settings(kafka.bootstrapServers(), prefix, "fault-" + profile,
        "engine-1", FreePorts.pick(), dir.resolve("state"), dir.resolve("token-keys"),
        profile.toUpperCase(Locale.ROOT).replace('-', '_'));
    try (CommittedOutputs outputs = new CommittedOutputs(kafka.bootstrapServers(), topics);
        KafkaProducer<String, byte[]> producer = producer(kafka)) {
      send(producer, topics.definitions(), machine, WireJson.encode(new StateMachineRecord(1, machine, "FiveSteps",
          StateMachineRecord.KIND_STATE_MACHINE, DEFINITION, "STANDARD", "", "r1", 1L, 1L)));
      ServeProcess first = ServeProcess.start(settings, logs.resolve(profile + "-first.log"), READY);
      List<String> arns = new ArrayList<>();
      try (TaskWorker worker = worker(kafka, prefix)) {
        for (int i = 0; i < EXECUTIONS; i++) {
          String arn = "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:FiveSteps:" + profile + "-" + i;
          arns.add(arn);
          producer.send(new ProducerRecord<>(topics.commands(), arn, WireJson.encode(new StartExecution(1, arn, machine,
              profile + "-" + i, JSON.objectNode().put("steps", 0), System.currentTimeMillis()))));
        }
        producer.flush();
        awaitFinished(outputs, EXECUTIONS / 10, Duration.ofSeconds(240));
        first.kill();
        int finishedAtKill = outputs.finishedCount();
        long restartedAt = System.nanoTime();
        ServeProcess second = ServeProcess.start(settings, logs.resolve(profile + "-second.log"), READY);
        long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt);
        try {
          awaitFinished(outputs, EXECUTIONS, Duration.ofSeconds(240));
          LOG.info("{}: {} of {} executions had finished at kill -9; restart ready in {} ms ({}); {} task requests"
              + " handled for {} tasks", profile, finishedAtKill, EXECUTIONS, restartMillis, second.restoreReport(),
              handledByToken.values().stream().mapToInt(AtomicInteger::get).sum(), TASKS * EXECUTIONS);
          assertThat(finishedAtKill).as("executions finished at the kill").isLessThan(EXECUTIONS);
          boolean exactlyOnce = !profile.equals("fast");
          for (String arn : arns) {
            assertCompletedOnce(outputs, arn, exactlyOnce);
          }
          assertThat(handledByToken).as("distinct task requests handled").hasSize(TASKS * EXECUTIONS);
          if (exactlyOnce) {
            assertThat(handledByToken.values()).as("deliveries per task request")
                .allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
          }
        } finally {
          second.stop();
        }
      }
    }
  }

  private TaskWorker worker(KafkaCluster kafka, String prefix) {
    return TaskWorker.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(prefix)
        .task("Step").concurrency(8).handler((input, ctx) -> {
          handledByToken.computeIfAbsent(ctx.token(), t -> new AtomicInteger()).incrementAndGet();
          Thread.sleep(5); // the task's work
          ObjectNode out = input.deepCopy();
          return out.put("steps", input.path("steps").asInt() + 1);
        }).build().start();
  }

  private static void assertCompletedOnce(CommittedOutputs outputs, String arn, boolean exactlyOnce) {
    CompletedOnce.assertCompletedOnce(outputs, arn, JSON.objectNode().put("steps", TASKS),
        Map.of("LambdaFunctionScheduled", (long) TASKS, "LambdaFunctionSucceeded", (long) TASKS,
            "WaitStateExited", 1L, "ExecutionSucceeded", 1L), exactlyOnce);
  }

  private static void awaitFinished(CommittedOutputs outputs, int count, Duration timeout) {
    Eventually.await(timeout, () -> assertThat(outputs.finishedCount()).as("finished executions")
        .isGreaterThanOrEqualTo(count));
  }

  private static KafkaProducer<String, byte[]> producer(KafkaCluster kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
  }
}
