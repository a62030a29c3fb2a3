package dev.stepstream.server.api;

import static dev.stepstream.server.api.AwsSdkIT.ROLE;
import static dev.stepstream.server.api.AwsSdkIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskTokens;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** AWS semantics of the advanced operations, found with the AWS SDKs (issue 14). */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsSdkAdvancedIT {
  private static final String WAIT_THEN = """
      {"StartAt": "Pause", "States": {
        "Pause": {"Type": "Wait", "Seconds": 2, "Next": "Finish"},
        "Finish": {"Type": "Pass", "Result": "%s", "End": true}}}
      """;
  private ApiFixture fixture;
  private SfnClient sfn;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    fixture = new ApiFixture(kafka, Duration.ofSeconds(2));
    sfn = fixture.sfn;
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private DescribeExecutionResponse awaitDone(String executionArn) {
    return Eventually.await(Duration.ofSeconds(30), () -> {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
      assertThat(d.status()).as("status of %s", executionArn).isNotEqualTo(ExecutionStatus.RUNNING);
      return d;
    });
  }

  /** AWS (UpdateStateMachine): "Executions that are in progress will continue to use the previous definition". */
  @Test
  void shouldFinishAWaitingExecutionOnItsDefinitionWhenTheMachineIsUpdated() {
    String oldDefinition = WAIT_THEN.formatted("old");
    String newDefinition = WAIT_THEN.formatted("new");
    String machine = sfn.createStateMachine(b -> b.name(unique("pinned")).definition(oldDefinition).roleArn(ROLE))
        .stateMachineArn();
    String oldRevision = sfn.describeStateMachine(b -> b.stateMachineArn(machine)).revisionId();
    String running = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();

    String newRevision = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(newDefinition)).revisionId();
    String later = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();

    var forRunning = sfn.describeStateMachineForExecution(b -> b.executionArn(running));
    assertThat(forRunning.definition()).isEqualTo(oldDefinition);
    assertThat(forRunning.revisionId()).isEqualTo(oldRevision);
    assertThat(awaitDone(running).output()).isEqualTo("\"old\"");
    var forLater = sfn.describeStateMachineForExecution(b -> b.executionArn(later));
    assertThat(forLater.definition()).isEqualTo(newDefinition);
    assertThat(forLater.revisionId()).isEqualTo(newRevision).isNotEqualTo(oldRevision);
    assertThat(awaitDone(later).output()).isEqualTo("\"new\"");
  }

  /** AWS DescribeExecution: redriveStatusReason "Execution is SUCCEEDED and cannot be redriven"; redriveDate. */
  @Test
  void shouldReportRedriveStatusReasonRedriveDateAndFilterListsByRedrive() {
    String activity = sfn.createActivity(b -> b.name(unique("redo"))).activityArn();
    String machine = sfn.createStateMachine(b -> b.name(unique("redrive")).roleArn(ROLE).definition("""
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}
        """.formatted(activity))).stateMachineArn();
    String failed = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    sfn.sendTaskFailure(b -> b.taskToken(nextActivityToken(activity, "w")).error("Boom").cause("broken"));
    assertThat(awaitDone(failed).redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
    assertThat(sfn.describeExecution(b -> b.executionArn(failed)).redriveStatusReason()).isNull();
    String succeeded = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    sfn.sendTaskSuccess(b -> b.taskToken(nextActivityToken(activity, "w")).output("{}"));
    DescribeExecutionResponse done = awaitDone(succeeded);
    assertThat(done.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
    assertThat(done.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");

    var redriven = sfn.redriveExecution(b -> b.executionArn(failed));

    DescribeExecutionResponse again = Eventually.await(Duration.ofSeconds(20), () -> {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(failed));
      assertThat(d.redriveCount()).isEqualTo(1);
      return d;
    });
    assertThat(again.redriveDate()).isNotNull().isAfterOrEqualTo(again.startDate());
    assertThat(again.redriveDate()).as("RedriveExecution's redriveDate").isEqualTo(redriven.redriveDate());
    assertThat(again.redriveStatusReason()).isEqualTo("Execution is RUNNING and cannot be redriven");
    List<ExecutionListItem> onlyRedriven = sfn.listExecutions(b -> b.stateMachineArn(machine)
        .redriveFilter(ExecutionRedriveFilter.REDRIVEN)).executions();
    assertThat(onlyRedriven).extracting(ExecutionListItem::executionArn).containsExactly(failed);
    assertThat(onlyRedriven.get(0).redriveDate()).isEqualTo(again.redriveDate());
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN))
        .executions()).extracting(ExecutionListItem::executionArn).containsExactly(succeeded);
    sfn.stopExecution(b -> b.executionArn(failed));
  }

  /**
   * A well-formed token no task waits for is InvalidToken (AWS SendTaskSuccess/Failure/Heartbeat: "The
   * provided token is not valid"); GetActivityTask's workerName is ActivityStarted's workerName.
   */
  @Test
  void shouldRejectAnAlteredTokenAndNameTheWorkerInActivityStarted() {
    String activity = sfn.createActivity(b -> b.name(unique("tokens"))).activityArn();
    String machine = sfn.createStateMachine(b -> b.name(unique("tokens")).roleArn(ROLE).definition("""
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}
        """.formatted(activity))).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    String token = nextActivityToken(activity, "worker-7");
    String altered = TaskTokens.create(arn, TaskTokens.sequence(token).orElseThrow(), "not-the-nonce");

    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(altered).output("{}")))
        .isInstanceOf(InvalidTokenException.class).hasMessageStartingWith("Invalid Token: 'Invalid token'");
    assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken(altered)))
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(altered)))
        .isInstanceOf(InvalidTokenException.class);
    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"done\": true}"));

    assertThat(awaitDone(arn).output()).isEqualTo("{\"done\":true}");
    HistoryEvent started = sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
        .filter(e -> e.type() == HistoryEventType.ACTIVITY_STARTED).findFirst().orElseThrow();
    assertThat(started.activityStartedEventDetails().workerName()).isEqualTo("worker-7");
  }

  /** docs/api.md: StartSyncExecution with the SDK's host prefix left on, "sync-<host>" resolving to the API. */
  @Test
  void shouldAnswerStartSyncExecutionAtTheSyncPrefixedHostName() {
    String machine = sfn.createStateMachine(b -> b.name(unique("express")).roleArn(ROLE).type("EXPRESS")
        .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"ok\":true},\"End\":true}}}"))
        .stateMachineArn();
    Set<String> resolved = ConcurrentHashMap.newKeySet();
    // Stands in for the hosts-file line "127.0.0.1 stepstream.test sync-stepstream.test".
    var dns = new org.apache.hc.client5.http.DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
        resolved.add(host);
        return new InetAddress[] {InetAddress.getLoopbackAddress()};
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
    try (SfnClient prefixed = SfnClient.builder()
        .endpointOverride(URI.create("http://stepstream.test:" + fixture.api.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(Apache5HttpClient.builder().dnsResolver(dns).build())
        .build()) {

      StartSyncExecutionResponse done = prefixed.startSyncExecution(b -> b.stateMachineArn(machine).input("{}"));

      assertThat(done.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
      assertThat(done.output()).isEqualTo("{\"ok\":true}");
      assertThat(resolved).contains("sync-stepstream.test");
    }
    assertThat(sfn.startSyncExecution(b -> b.stateMachineArn(machine)).status())
        .as("with DISABLE_HOST_PREFIX_INJECTION").isEqualTo(SyncExecutionStatus.SUCCEEDED);
  }

  private String nextActivityToken(String activity, String workerName) {
    return Eventually.await(Duration.ofSeconds(20), () -> {
      String token = sfn.getActivityTask(b -> b.activityArn(activity).workerName(workerName)).taskToken();
      assertThat(token).as("an activity task").isNotNull();
      return token;
    });
  }
}
