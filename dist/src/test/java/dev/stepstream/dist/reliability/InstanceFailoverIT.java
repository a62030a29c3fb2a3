package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.broker.FreePorts;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.Permission;
import dev.stepstream.server.security.TokenKeyFile;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.worker.TaskWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three {@code serve} instances (child JVMs, SigV4 on, one application id) share six partitions;
 * one is killed with {@code kill -9} while executions of a four-Task workflow with a Wait are in
 * flight. Before the kill every instance answers for executions the others own (routed over
 * {@code /internal} with the peer secret). After it the killed instance's partitions move to the two
 * survivors, every execution finishes exactly once, and the survivors answer DescribeExecution,
 * GetExecutionHistory and ListExecutions throughout: right, or a retryable AWS error while the
 * partitions move, never a hang, a 500 or a wrong answer; once moved, right for every execution.
 */
@ExtendWith(KafkaClusterExtension.class)
class InstanceFailoverIT {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceFailoverIT.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int EXECUTIONS = 300;
  private static final int TASKS = 4;
  private static final int PARTITIONS = 6;
  private static final List<String> INSTANCES = List.of("node-a", "node-b", "node-c");
  /** serve's own session timeout: how long the group waits before it gives a killed instance's partitions away. */
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration LONG = Duration.ofSeconds(180);
  private static final AccessKey KEY = new AccessKey("SSAKFAILOVERTEST0001", "failover-secret", Permission.OPERATOR);
  private static final String DEFINITION = """
      {"StartAt": "T1", "States": {
        "T1": {"Type": "Task", "Resource": "%1$s", "Next": "T2"},
        "T2": {"Type": "Task", "Resource": "%1$s", "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 3, "Next": "T3"},
        "T3": {"Type": "Task", "Resource": "%2$s", "Next": "T4"},
        "T4": {"Type": "Task", "Resource": "%1$s", "End": true}}}
      """.formatted("arn:aws:lambda:us-east-1:123456789012:function:Step",
      "arn:aws:lambda:us-east-1:123456789012:function:Gate");
  private static final JsonNode EXPECTED_OUTPUT = JSON.objectNode().put("steps", TASKS);

  @TempDir Path dir;
  private final Path logs = Path.of("target", "instance-failover-logs");

  @Test
  void shouldMoveTheKilledInstancesExecutionsToTheSurvivorsAndKeepAnsweringForAll(KafkaCluster kafka)
      throws Exception {
    long began = System.nanoTime();
    TopicCatalogue topics = TopicCatalogue.load("failover.");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, PARTITIONS, (short) 1)) {
      provisioner.ensureCatalogueTopics();
      provisioner.ensureTaskTopics(List.of("Step", "Gate"));
    }
    Files.createDirectories(logs);
    TokenKeyFile.loadOrCreate(dir.resolve("token-keys"));
    List<ServeProcess> serves = new ArrayList<>();
    List<SignedApi> apis = new ArrayList<>();
    try (GroupAssignment group = new GroupAssignment(kafka.bootstrapServers(), "failover", topics.commands(), INSTANCES);
        CommittedOutputs outputs = new CommittedOutputs(kafka.bootstrapServers(), topics);
        TaskWorker steps = worker(kafka, "Step")) {
      for (String instance : INSTANCES) {
        int port = FreePorts.pick();
        serves.add(ServeProcess.launch(new ServeProcess.Settings(kafka.bootstrapServers(), "failover.", "failover",
            instance, port, dir.resolve("state-" + instance), dir.resolve("token-keys"), "EXACTLY_ONCE"),
            logs.resolve(instance + ".log"), KEY, SESSION_TIMEOUT));
        apis.add(new SignedApi(KEY, port, Duration.ofSeconds(30)));
      }
      serves.forEach(serve -> serve.awaitReady(LONG));
      Map<String, Set<Integer>> before = awaitOwners(group, INSTANCES);
      LOG.info("three instances ready in {} s; partitions {}", seconds(began), before);

      String machine = apis.get(0).ok("CreateStateMachine", JSON.objectNode().put("name", "FourSteps")
          .put("definition", DEFINITION).put("roleArn", "arn:aws:iam::123456789012:role/stepstream"))
          .path("stateMachineArn").asText();
      long startedAt = System.nanoTime();
      List<String> arns = startAll(apis, machine);
      assertRoutedThroughEveryInstance(apis, arns, before);
      LOG.info("{} executions started and routing checked in {} s", EXECUTIONS, seconds(startedAt));

      int victim = 2;
      List<String> victims = arns.stream().filter(arn -> before.get(INSTANCES.get(victim))
          .contains(GroupAssignment.partitionOf(arn, PARTITIONS))).toList();
      Eventually.await(LONG, () -> assertThat(pastTheWait(outputs, arns)).as("executions past the Wait")
          .isGreaterThanOrEqualTo(EXECUTIONS / 10));
      serves.get(victim).kill();
      long killedAt = System.nanoTime();
      long pastTheWaitAtKill = pastTheWait(outputs, arns);
      List<SignedApi> survivors = List.of(apis.get(0), apis.get(1));
      List<String> probed = new ArrayList<>(new LinkedHashSet<>(concat(victims, arns)));
      MoveProbe probe = new MoveProbe(survivors, probed, Set.copyOf(arns), machine, EXPECTED_OUTPUT);
      Map<String, Set<Integer>> after;
      try (TaskWorker gate = worker(kafka, "Gate")) {
        after = awaitOwners(group, INSTANCES.subList(0, 2));
        double movedSeconds = seconds(killedAt);
        Eventually.await(LONG, () -> assertThat(outputs.finishedCount()).isEqualTo(EXECUTIONS));
        LOG.info("kill -9 of {} (owner of {} executions) with all {} in flight, {} past the Wait; partitions {}"
            + " moved in {} s; all finished {} s after the kill", INSTANCES.get(victim), victims.size(), EXECUTIONS,
            pastTheWaitAtKill, after, movedSeconds, seconds(killedAt));
      } finally {
        probe.close();
      }
      LOG.info("answers during the move: {}; slowest {}; {} histories seen", probe.outcomes(), probe.slowest(),
          probe.histories().size());
      assertThat(probe.violations()).as("answers during the move").isEmpty();
      assertThat(after.values().stream().flatMap(Set::stream).toList()).as("partitions after the move")
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, PARTITIONS).boxed().toList());

      Map<String, List<String>> committed = ExactlyOnce.assertEachCompletedOnce(outputs, arns, TASKS, EXPECTED_OUTPUT);
      for (MoveProbe.SeenHistory seen : probe.histories()) {
        List<String> full = committed.get(seen.arn());
        assertThat(seen.types()).as("history of %s seen on port %d during the move", seen.arn(), seen.port())
            .isEqualTo(full.subList(0, Math.min(seen.types().size(), full.size())));
      }
      long checkedAt = System.nanoTime();
      for (SignedApi api : survivors) {
        assertAnswersForAll(api, machine, arns, committed);
      }
      LOG.info("every answer right through both survivors ({} s); the test took {} s", seconds(checkedAt),
          seconds(began));
    } finally {
      for (ServeProcess serve : serves) {
        serve.stop();
      }
    }
  }

  /** Describe and history of executions the asked instance does not own: answered through routing. */
  private static void assertRoutedThroughEveryInstance(List<SignedApi> apis, List<String> arns,
      Map<String, Set<Integer>> owners) {
    for (int i = 0; i < apis.size(); i++) {
      Set<Integer> own = owners.get(INSTANCES.get(i));
      List<String> others = arns.stream().filter(arn -> !own.contains(GroupAssignment.partitionOf(arn, PARTITIONS)))
          .limit(40).toList();
      assertThat(others).as("executions owned by others than %s", INSTANCES.get(i)).hasSize(40);
      for (String arn : others) {
        JsonNode described = apis.get(i).ok("DescribeExecution", JSON.objectNode().put("executionArn", arn));
        assertThat(described.path("executionArn").asText()).isEqualTo(arn);
        JsonNode events = apis.get(i).ok("GetExecutionHistory", JSON.objectNode().put("executionArn", arn)).path("events");
        assertThat(events.path(0).path("type").asText()).as("first event of %s through %s", arn, INSTANCES.get(i))
            .isEqualTo("ExecutionStarted");
      }
    }
  }

  /** After the move: every execution described, its history read, and all listed, right, through one survivor. */
  private static void assertAnswersForAll(SignedApi api, String machine, List<String> arns,
      Map<String, List<String>> committed) {
    for (String arn : arns) {
      JsonNode described = api.ok("DescribeExecution", JSON.objectNode().put("executionArn", arn));
      assertThat(described.path("status").asText()).as("status of %s on port %d", arn, api.port()).isEqualTo("SUCCEEDED");
      List<String> types = new ArrayList<>();
      JsonNode page = api.ok("GetExecutionHistory", JSON.objectNode().put("executionArn", arn).put("maxResults", 1000));
      page.path("events").forEach(e -> types.add(e.path("type").asText()));
      assertThat(types).as("history of %s on port %d", arn, api.port()).isEqualTo(committed.get(arn));
    }
    JsonNode listed = api.ok("ListExecutions", JSON.objectNode().put("stateMachineArn", machine).put("maxResults", 1000));
    Set<String> succeeded = new TreeSet<>();
    listed.path("executions").forEach(e -> {
      if (e.path("status").asText().equals("SUCCEEDED")) {
        succeeded.add(e.path("executionArn").asText());
      }
    });
    assertThat(succeeded).as("executions listed SUCCEEDED on port %d", api.port()).containsExactlyInAnyOrderElementsOf(arns);
  }

  /** Waits until exactly these instances own every partition of the commands topic, each some. */
  private static Map<String, Set<Integer>> awaitOwners(GroupAssignment group, List<String> instances) {
    return Eventually.await(LONG, () -> {
      Map<String, Set<Integer>> owners = group.owners();
      assertThat(owners.keySet()).as("instances owning partitions").containsExactlyInAnyOrderElementsOf(instances);
      assertThat(owners.values().stream().mapToInt(Set::size).sum()).as("partitions owned").isEqualTo(PARTITIONS);
      return owners;
    });
  }

  /** 300 starts, spread over the instances, one caller per instance (as several clients would). */
  private static List<String> startAll(List<SignedApi> apis, String machine) throws Exception {
    String[] arns = new String[EXECUTIONS];
    ExecutorService callers = Executors.newFixedThreadPool(apis.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < apis.size(); k++) {
        SignedApi api = apis.get(k);
        int first = k;
        done.add(callers.submit(() -> {
          for (int i = first; i < EXECUTIONS; i += apis.size()) {
            arns[i] = api.ok("StartExecution", JSON.objectNode().put("stateMachineArn", machine)
                .put("name", "run-" + i).put("input", "{\"steps\": 0}")).path("executionArn").asText();
          }
        }));
      }
      for (Future<?> caller : done) {
        caller.get(10, TimeUnit.MINUTES);
      }
    } finally {
      callers.shutdownNow();
    }
    return List.of(arns);
  }

  /**
   * A worker for one task. The Gate task's worker starts only after the kill: until then every
   * execution waits at it, so none can finish before the kill however slow the machine is.
   */
  private static TaskWorker worker(KafkaCluster kafka, String task) {
    return TaskWorker.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix("failover.")
        .task(task).concurrency(8).handler((input, ctx) -> {
          ObjectNode out = input.deepCopy();
          return out.put("steps", input.path("steps").asInt() + 1);
        }).build().start();
  }

  private static long pastTheWait(CommittedOutputs outputs, List<String> arns) {
    return arns.stream().filter(arn -> outputs.history(arn).stream()
        .anyMatch(e -> e.eventType().equals("WaitStateExited"))).count();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static double seconds(long sinceNanos) {
    return Math.round(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos) / 100.0) / 10.0;
  }
}
