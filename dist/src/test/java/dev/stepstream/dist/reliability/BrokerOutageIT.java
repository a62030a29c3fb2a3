package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.broker.DetachedBroker;
import dev.stepstream.broker.FreePorts;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.worker.TaskWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker (in its own process, persistent data) is stopped for 30 s while executions of a
 * three-Task workflow with Waits are in flight, then restarted on the same data directory and
 * port. Meanwhile the API answers every call within a bounded time, with a correct answer or an
 * AWS-shaped retryable error; afterwards the same engine ({@code serve} in a child JVM), API and
 * workers carry on, and every execution started before, during (retried, as the SDKs do) and after
 * the outage completes exactly once.
 *
 * <p>System properties: {@code stepstream.it.brokerOutageSeconds} (30), {@code
 * stepstream.it.brokerOutageExecutions} (300 before the outage), {@code
 * stepstream.it.brokerOutageProfile} (exactly-once), {@code stepstream.it.brokerStops} (a comma
 * list of {@code stop} for SIGTERM and {@code kill} for kill -9, each optionally with its own profile, as
 * in {@code stop,kill,stop/fast}; {@code stop}).
 */
class BrokerOutageIT {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageIT.class);
  private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("stepstream.it.brokerOutageSeconds", 30));
  private static final int BEFORE = Integer.getInteger("stepstream.it.brokerOutageExecutions", 300);
  private static final int AFTER = 50;
  private static final String PROFILE = System.getProperty("stepstream.it.brokerOutageProfile", "exactly-once");
  /** An API answer slower than this counts as a hang. */
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(20);
  private static final Duration READY = Duration.ofSeconds(180);
  private static final int TASKS = 3;
  private static final Set<String> RETRYABLE = Set.of("ServiceUnavailable", "ThrottlingException");
  private static final String ACCOUNT = "123456789012";
  private static final String DEFINITION = """
      {"StartAt": "T1", "States": {
        "T1": {"Type": "Task", "Resource": "%1$s", "Next": "Pause"},
        "Pause": {"Type": "Wait", "SecondsPath": "$.wait", "Next": "T2"},
        "T2": {"Type": "Task", "Resource": "%1$s", "Next": "T3"},
        "T3": {"Type": "Task", "Resource": "%1$s", "End": true}}}
      """.formatted("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:Step");

  @TempDir Path dir;
  private final Path logs = Path.of("target", "broker-outage-logs");
  private final Map<String, AtomicInteger> handledByToken = new ConcurrentHashMap<>();
  private final AtomicBoolean brokerBack = new AtomicBoolean();
  private final AtomicInteger handledAfterRestart = new AtomicInteger();
  private final AtomicInteger startRetries = new AtomicInteger();
  private final ExecutorService clients = Executors.newFixedThreadPool(8);
  private DetachedBroker broker;

  static Stream<String> stops() {
    return Arrays.stream(System.getProperty("stepstream.it.brokerStops", "stop").split(",")).map(String::strip);
  }

  @AfterEach
  void stopBroker() {
    clients.shutdownNow();
    if (broker != null) {
      broker.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stops")
  void shouldAnswerWithinBoundsAndCompleteEveryExecutionOnceWhenTheBrokerIsDownFor30Seconds(String fault)
      throws Exception {
    String stop = fault.split("/")[0];
    String profile = fault.contains("/") ? fault.split("/")[1] : PROFILE;
    Files.createDirectories(logs);
    int kafkaPort = FreePorts.pick();
    Path brokerData = dir.resolve("kafka");
    Path brokerLog = logs.resolve(stop + "-" + profile + "-broker.log");
    Files.deleteIfExists(brokerLog);
    broker = DetachedBroker.startOrReuse(kafkaPort, brokerData, brokerLog, READY);
    String prefix = "outage-" + stop + "-" + profile + ".";
    int apiPort = FreePorts.pick();
    ServeProcess serve = ServeProcess.start(new ServeProcess.Settings(broker.bootstrapServers(), prefix,
        "outage-" + stop + "-" + profile, "engine-1", apiPort, dir.resolve("state"), dir.resolve("token-keys"),
        profile.toUpperCase(Locale.ROOT).replace('-', '_')), logs.resolve(stop + "-" + profile + "-serve.log"), READY);
    AwsJsonCalls api = new AwsJsonCalls(apiPort, ANSWER_BOUND.plusSeconds(40));
    String machine = api.ok("CreateStateMachine", AwsJsonCalls.body().put("name", "Outage")
        .put("roleArn", "arn:aws:iam::" + ACCOUNT + ":role/r").put("definition", DEFINITION))
        .path("stateMachineArn").asText();
    List<String> started = new CopyOnWriteArrayList<>();
    try (CommittedOutputs outputs = new CommittedOutputs(broker.bootstrapServers(), TopicCatalogue.load(prefix));
        TaskWorker worker = worker(broker.bootstrapServers(), prefix)) {
      startAll(api, machine, "before-", BEFORE, i -> i % 16, started);
      Eventually.await(READY, () -> assertThat(outputs.finishedCount()).isGreaterThanOrEqualTo(BEFORE / 10));

      int finishedAtStop = outputs.finishedCount();
      stopBroker(stop);
      OutageProbe probe = OutageProbe.start(api, machine, started.get(started.size() - 1));
      Thread.sleep(OUTAGE.toMillis());
      long restarting = System.nanoTime();
      broker = DetachedBroker.startOrReuse(kafkaPort, brokerData, brokerLog, READY);
      brokerBack.set(true);
      long brokerReadyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting);
      List<AwsJsonCalls.Answer> answers = probe.stop();

      assertAnsweredInBoundsWithAwsErrors(answers);
      started.addAll(probe.startedArns());
      for (String name : probe.refusedStartNames()) {
        started.add(startRetrying(api, OutageProbe.startBody(machine, name), true));
      }
      startAll(api, machine, "after-", AFTER, i -> 1, started);
      Eventually.await(READY, () -> assertThat(outputs.finishedCount()).isGreaterThanOrEqualTo(started.size()));
      long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting);

      LOG.info("{} ({}): {} of {} executions finished at the stop; broker back in {} ms; all {} finished {} ms after"
          + " the restart began; {} API calls during the outage ({}), slowest {} ms; {} task deliveries for {} tasks,"
          + " {} after the restart; {} start retries in all; {} records read again by the test's reader", stop, profile,
          finishedAtStop, BEFORE, brokerReadyMillis, started.size(),
          recoveryMillis, answers.size(), summary(answers),
          answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
          handledByToken.values().stream().mapToInt(AtomicInteger::get).sum(), TASKS * started.size(),
          handledAfterRestart.get(), startRetries.get(), outputs.readAgainCount());
      assertThat(finishedAtStop).as("executions finished at the stop").isLessThan(BEFORE);
      assertThat(serve.alive()).as("the engine ran through the outage without a restart").isTrue();
      assertThat(worker.isRunning()).as("the worker ran through the outage without a restart").isTrue();
      assertThat(handledAfterRestart).as("tasks the same worker handled after the restart").hasPositiveValue();
      assertThat(started).as("started executions").doesNotHaveDuplicates();
      boolean exactlyOnce = !profile.equals("fast");
      JsonNode output = JsonNodeFactory.instance.objectNode().put("steps", TASKS);
      for (String arn : started) {
        JsonNode expected = ((ObjectNode) output.deepCopy()).put("wait", waitOf(arn));
        CompletedOnce.assertCompletedOnce(outputs, arn, expected, Map.of("LambdaFunctionScheduled", (long) TASKS,
            "LambdaFunctionSucceeded", (long) TASKS, "WaitStateExited", 1L, "ExecutionSucceeded", 1L), exactlyOnce);
      }
      assertThat(handledByToken).as("distinct task requests handled").hasSize(TASKS * started.size());
    } finally {
      serve.stop();
    }
  }

  private void stopBroker(String how) throws Exception {
    if (how.equals("kill")) {
      ProcessHandle process = ProcessHandle.of(broker.pid()).orElseThrow();
      process.destroyForcibly();
      process.onExit().get(30, TimeUnit.SECONDS);
    } else {
      broker.close();
    }
    broker = null;
  }

  /** Every answer came within the bound: a correct one, or a retryable error in AWS's shape without a stack trace. */
  private static void assertAnsweredInBoundsWithAwsErrors(List<AwsJsonCalls.Answer> answers) {
    assertThat(answers).as("API calls during the outage").isNotEmpty().allSatisfy(answer -> {
      assertThat(answer.took()).as("%s", answer).isLessThan(ANSWER_BOUND);
      if (!answer.ok()) {
        assertThat(answer.status()).as("%s", answer).isIn(503, 400);
        assertThat(answer.errorType()).as("%s", answer).isIn(RETRYABLE);
        assertThat(answer.json().path("message").asText()).as("%s", answer).isNotBlank();
        assertThat(answer.text()).as("%s", answer).doesNotContain("\tat ", ".java:");
      }
    });
    assertThat(answers).as("a StartExecution refused while the broker was down")
        .anyMatch(a -> a.operation().equals("StartExecution") && a.errorType().equals("ServiceUnavailable"));
  }

  /**
   * A start as the AWS SDKs make it: ServiceUnavailable and throttling are retried with the same name
   * and input; ExecutionAlreadyExists on a retry means an earlier attempt was stored (and has finished).
   *
   * @param retried whether an earlier attempt was already refused (by the outage probe)
   */
  private String startRetrying(AwsJsonCalls api, ObjectNode body, boolean retried) throws InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (true) {
      AwsJsonCalls.Answer answer = api.call("StartExecution", body);
      if (answer.ok()) {
        return answer.json().path("executionArn").asText();
      }
      String message = answer.json().path("message").asText();
      if (retried && answer.errorType().equals("ExecutionAlreadyExists")) {
        return message.substring(message.indexOf('\'') + 1, message.lastIndexOf('\''));
      }
      if (!RETRYABLE.contains(answer.errorType()) || System.nanoTime() > deadline) {
        throw new AssertionError(answer.toString());
      }
      retried = true;
      startRetries.incrementAndGet();
      Thread.sleep(1_000);
    }
  }

  private void startAll(AwsJsonCalls api, String machine, String namePrefix, int count, IntUnaryOperator waitSeconds,
      List<String> started) throws Exception {
    List<Future<String>> arns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode body = AwsJsonCalls.body().put("stateMachineArn", machine).put("name", namePrefix + i)
          .put("input", "{\"steps\":0,\"wait\":" + waitSeconds.applyAsInt(i) + "}");
      arns.add(clients.submit(() -> startRetrying(api, body, false)));
    }
    for (Future<String> arn : arns) {
      started.add(arn.get(READY.toSeconds(), TimeUnit.SECONDS));
    }
  }

  /** The Wait of each execution, as its name says (before-i waits i % 16 s, the others 1 s). */
  private static int waitOf(String arn) {
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    return name.startsWith("before-") ? Integer.parseInt(name.substring("before-".length())) % 16 : 1;
  }

  private static String summary(List<AwsJsonCalls.Answer> answers) {
    return answers.stream().collect(Collectors.groupingBy(a -> a.operation() + " " + a.status()
        + (a.ok() ? "" : " " + a.errorType()), java.util.TreeMap::new, Collectors.counting())).toString();
  }

  private TaskWorker worker(String bootstrapServers, String prefix) {
    return TaskWorker.builder().bootstrapServers(bootstrapServers).topicPrefix(prefix)
        .task("Step").concurrency(8).handler((input, ctx) -> {
          handledByToken.computeIfAbsent(ctx.token(), t -> new AtomicInteger()).incrementAndGet();
          if (brokerBack.get()) {
            handledAfterRestart.incrementAndGet();
          }
          ObjectNode out = input.deepCopy();
          return out.put("steps", input.path("steps").asInt() + 1);
        }).build().start();
  }
}
