package dev.stepstream.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ExecutionOwner;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.TaskTokens;
import dev.stepstream.wire.TopicCatalogue;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;

/**
 * Two processor + API instances with the same application id share four partitions; executions
 * started through one are described, and their history read, identically through both.
 */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
  private static final String ROLE = "arn:aws:iam::123456789012:role/stepstream";
  private static final int EXECUTIONS = 12;
  private final List<AutoCloseable> running = new ArrayList<>();
  private StepstreamProcessor processorA;
  private StepstreamProcessor processorB;
  private SfnClient sfnA;
  private SfnClient sfnB;
  private ApiServer apiB;
  private final Map<String, DescribeExecutionResponse> described = new java.util.HashMap<>();
  private final Map<String, List<HistoryEvent>> histories = new java.util.HashMap<>();

  @BeforeAll
  void start(KafkaCluster kafka, @TempDir Path dir) throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    TopicCatalogue topics = TopicCatalogue.load("two-" + id + ".");
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 4, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    int portA = freePort();
    int portB = freePort();
    processorA = startProcessor(kafka, topics, "two-it-" + id, dir.resolve("a"), portA);
    sfnA = client(startApi(kafka, topics, processorA, portA));
    processorB = startProcessor(kafka, topics, "two-it-" + id, dir.resolve("b"), portB);
    apiB = startApi(kafka, topics, processorB, portB);
    sfnB = client(apiB);
    awaitBothOwnPartitions();
  }

  @AfterAll
  void stop() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        // best effort
      }
    }
  }

  @Test
  @Order(1)
  void shouldDescribeEveryExecutionAndReadItsHistoryIdenticallyThroughBothInstances() throws Exception {
    String machine = sfnA.createStateMachine(b -> b.name("routed-" + UUID.randomUUID().toString().substring(0, 8))
        .roleArn(ROLE).definition("""
            {"StartAt": "Shape", "States": {
              "Shape": {"Type": "Pass", "Parameters": {"n.$": "$.n", "twice.$": "States.MathAdd($.n, $.n)"}, "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """)).stateMachineArn();
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < EXECUTIONS; i++) {
      int n = i;
      arns.add(sfnA.startExecution(b -> b.stateMachineArn(machine).name("run-" + n).input("{\"n\": " + n + "}"))
          .executionArn());
    }

    assertThat(arns).as("the executions are spread over both instances")
        .anyMatch(arn -> processorA.ownerOf(arn) instanceof ExecutionOwner.Here)
        .anyMatch(arn -> processorA.ownerOf(arn) instanceof ExecutionOwner.There);
    for (String arn : arns) {
      DescribeExecutionResponse throughA = awaitDone(sfnA, arn);
      DescribeExecutionResponse throughB = sfnB.describeExecution(b -> b.executionArn(arn));
      assertThat(throughA.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertSameMembers(throughB, throughA);
      assertThat(history(sfnB, arn, false)).isEqualTo(history(sfnA, arn, false)).hasSize(6);
      assertThat(history(sfnB, arn, true)).isEqualTo(history(sfnA, arn, true)).hasSize(6);
      assertThat(sfnB.getExecutionHistory(b -> b.executionArn(arn).maxResults(2).reverseOrder(true)).events())
          .isEqualTo(sfnA.getExecutionHistory(b -> b.executionArn(arn).maxResults(2).reverseOrder(true)).events())
          .extracting(HistoryEvent::id).containsExactly(6L, 5L);
      described.put(arn, throughA);
      histories.put(arn, history(sfnA, arn, false));
    }
  }

  /** SendTaskSuccess/Failure/Heartbeat ask the owning instance whether a task waits for the token. */
  @Test
  @Order(1)
  void shouldAnswerInvalidTokenForAnAlteredTokenOfAnExecutionTheOtherInstanceOwns() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String activity = sfnA.createActivity(b -> b.name("routed-" + suffix)).activityArn();
    String machine = sfnA.createStateMachine(b -> b.name("tokens-" + suffix).roleArn(ROLE).definition("""
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}
        """.formatted(activity))).stateMachineArn();
    for (int i = 0; i < 20; i++) {
      int n = i;
      String arn = sfnA.startExecution(b -> b.stateMachineArn(machine).name("t-" + n)).executionArn();
      String token = Eventually.await(Duration.ofSeconds(20), () -> {
        String t = sfnA.getActivityTask(b -> b.activityArn(activity)).taskToken();
        assertThat(t).isNotNull();
        return t;
      });
      if (processorB.ownerOf(arn) instanceof ExecutionOwner.There) {
        String altered = TaskTokens.create(arn, TaskTokens.sequence(token).orElseThrow(), "forged");
        assertThatThrownBy(() -> sfnB.sendTaskSuccess(b -> b.taskToken(altered).output("{}")))
            .isInstanceOf(InvalidTokenException.class);
        sfnB.sendTaskSuccess(b -> b.taskToken(token).output("{\"routed\": true}"));
        assertThat(awaitDone(sfnB, arn).output()).isEqualTo("{\"routed\":true}");
        return;
      }
      sfnA.stopExecution(b -> b.executionArn(arn));
    }
    throw new AssertionError("no execution landed on the other instance in 20 starts");
  }

  @Test
  @Order(2)
  void shouldStillAnswerForEveryExecutionAfterTheOtherInstanceLeaves() throws Exception {
    assertThat(described).hasSize(EXECUTIONS);
    apiB.close();
    processorB.close();

    for (String arn : described.keySet()) {
      DescribeExecutionResponse now = sfnA.describeExecution(b -> b.executionArn(arn));
      assertSameMembers(now, described.get(arn));
      assertThat(eventually(() -> history(sfnA, arn, false))).isEqualTo(histories.get(arn));
    }
    assertThat(described.keySet()).allMatch(arn -> processorA.ownerOf(arn) instanceof ExecutionOwner.Here);
  }

  /**
   * Retries while the API answers the retryable ServiceUnavailable (the partitions are moving); any
   * other error fails at once.
   */
  private static <T> T eventually(java.util.function.Supplier<T> call) {
    return Eventually.await(Duration.ofSeconds(60), () -> {
      try {
        return call.get();
      } catch (software.amazon.awssdk.services.sfn.model.SfnException e) {
        if (e.statusCode() != 503) {
          throw e;
        }
        throw new AssertionError("still unavailable: " + e.getMessage(), e);
      }
    });
  }

  /** The response members (SDK equals also compares HTTP headers such as Date). */
  private static void assertSameMembers(DescribeExecutionResponse actual, DescribeExecutionResponse expected) {
    for (var field : expected.sdkFields()) {
      assertThat(field.getValueOrDefault(actual)).as(field.memberName()).isEqualTo(field.getValueOrDefault(expected));
    }
  }

  /** Every page, following nextToken with a small page size. */
  private static List<HistoryEvent> history(SfnClient sfn, String arn, boolean reverse) {
    List<HistoryEvent> events = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      var page = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(reverse).maxResults(4).nextToken(next));
      events.addAll(page.events());
      token = page.nextToken();
    } while (token != null);
    return events;
  }

  private static DescribeExecutionResponse awaitDone(SfnClient sfn, String arn) {
    return Eventually.await(Duration.ofSeconds(30), () -> {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
      assertThat(d.status()).as("status of %s", arn).isNotEqualTo(ExecutionStatus.RUNNING);
      return d;
    });
  }

  /** Waits until the group has settled: both instances own keys and agree on who owns which. */
  private void awaitBothOwnPartitions() {
    Eventually.await(Duration.ofSeconds(60), () -> {
      int hereForA = 0;
      int hereForB = 0;
      for (int i = 0; i < 32; i++) {
        String key = "probe-" + i;
        boolean a = processorA.ownerOf(key) instanceof ExecutionOwner.Here;
        boolean b = processorB.ownerOf(key) instanceof ExecutionOwner.Here;
        hereForA += a && !b ? 1 : 0;
        hereForB += b && !a ? 1 : 0;
      }
      assertThat(List.of(hereForA, hereForB)).as("probe keys owned by A only, by B only").doesNotContain(0);
      assertThat(hereForA + hereForB).as("probe keys owned by exactly one instance").isEqualTo(32);
      assertThat(processorA.state().isRunningOrRebalancing() && processorB.state().isRunningOrRebalancing())
          .as("both instances running or rebalancing").isTrue();
    });
  }

  /** One deployment: every instance signs and checks task tokens with the same keys. */
  private static final TaskTokenKeys TOKEN_KEYS = TaskTokenKeys.generate();

  private StepstreamProcessor startProcessor(KafkaCluster kafka, TopicCatalogue topics, String appId, Path stateDir,
      int apiPort) {
    ProcessorConfig config = new ProcessorConfig(kafka.bootstrapServers(), appId, topics, stateDir,
        Profile.EXACTLY_ONCE, 1, Duration.ofMillis(50), Map.of()).withApplicationServer("127.0.0.1:" + apiPort)
        .withTokenKeys(TOKEN_KEYS);
    StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(60));
    running.add(processor);
    return processor;
  }

  private ApiServer startApi(KafkaCluster kafka, TopicCatalogue topics, StepstreamProcessor processor, int port) {
    ApiServer api = ApiServer.start(ApiSettings.defaults(kafka.bootstrapServers(), topics).withPort(port), processor);
    running.add(api);
    return api;
  }

  private SfnClient client(ApiServer api) {
    SfnClient sfn = SfnClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + api.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
    running.add(sfn);
    return sfn;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
