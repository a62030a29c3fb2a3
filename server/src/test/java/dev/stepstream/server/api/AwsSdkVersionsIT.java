package dev.stepstream.server.api;

import static dev.stepstream.server.api.AwsSdkIT.ROLE;
import static dev.stepstream.server.api.AwsSdkIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineVersionListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The AWS SDK for Java v2 against Stepstream: state machine versions and aliases, and executions through them. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsSdkVersionsIT {
  private ApiFixture fixture;
  private SfnClient sfn;

  @BeforeAll
  void start(KafkaCluster kafka) throws Exception {
    fixture = new ApiFixture(kafka, Duration.ofSeconds(3));
    sfn = fixture.sfn;
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  static String returning(String result) {
    return """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "%s", "End": true}}}
        """.formatted(result);
  }

  /** Waits a minute first, so a retried start finds the execution still running. */
  static String waitingThenReturning(String result) {
    return """
        {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "Next": "P"},
          "P": {"Type": "Pass", "Result": "%s", "End": true}}}
        """.formatted(result);
  }

  static RoutingConfigurationListItem route(String versionArn, int weight) {
    return RoutingConfigurationListItem.builder().stateMachineVersionArn(versionArn).weight(weight).build();
  }

  @Test
  void shouldPublishNumberedVersionsAndDescribeEachWithItsOwnDefinition() {
    String name = unique("versions");
    var created = sfn.createStateMachine(b -> b.name(name).definition(returning("v1")).roleArn(ROLE)
        .publish(true).versionDescription("first"));
    String machine = created.stateMachineArn();
    assertThat(created.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn())
        .as("an unchanged revision returns its existing version").isEqualTo(machine + ":1");

    String staleRevision = sfn.describeStateMachine(b -> b.stateMachineArn(machine)).revisionId();
    var updated = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("v2")));
    assertThat(updated.stateMachineVersionArn()).as("no publish, no version").isNull();
    assertThatThrownBy(() -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine).revisionId(staleRevision)))
        .isInstanceOf(ConflictException.class);
    var v2 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine).revisionId(updated.revisionId())
        .description("second"));
    assertThat(v2.stateMachineVersionArn()).isEqualTo(machine + ":2");
    var v3 = sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("v3")).publish(true));
    assertThat(v3.stateMachineVersionArn()).isEqualTo(machine + ":3");

    var first = sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":1"));
    assertThat(first.stateMachineArn()).isEqualTo(machine + ":1");
    assertThat(first.definition()).isEqualTo(returning("v1"));
    assertThat(first.description()).isEqualTo("first");
    assertThat(first.revisionId()).isEqualTo(staleRevision);
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(machine)).definition()).isEqualTo(returning("v3"));

    var page = sfn.listStateMachineVersions(b -> b.stateMachineArn(machine).maxResults(2));
    assertThat(page.stateMachineVersions()).extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(machine + ":3", machine + ":2");
    assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(machine).nextToken(page.nextToken()))
        .stateMachineVersions()).extracting(StateMachineVersionListItem::stateMachineVersionArn)
        .containsExactly(machine + ":1");
    assertThat(sfn.listStateMachines(b -> b.maxResults(1000)).stateMachines())
        .extracting(m -> m.stateMachineArn()).contains(machine).noneMatch(arn -> arn.startsWith(machine + ":"));
  }

  @Test
  void shouldRunTheVersionAnAliasRoutesToAfterTheMachineWasUpdated() throws Exception {
    String machine = sfn.createStateMachine(b -> b.name(unique("aliased")).definition(returning("v1")).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("v2")).publish(true));
    var alias = sfn.createStateMachineAlias(b -> b.name("prod").description("live")
        .routingConfiguration(route(machine + ":1", 100)));
    assertThat(alias.stateMachineAliasArn()).isEqualTo(machine + ":prod");

    String viaAlias = sfn.startExecution(b -> b.stateMachineArn(machine + ":prod").name("a1")).executionArn();
    assertThat(viaAlias).isEqualTo(machine.replace(":stateMachine:", ":execution:") + ":a1");
    DescribeExecutionResponse done = awaitDone(viaAlias);
    assertThat(done.output()).isEqualTo("\"v1\"");
    assertThat(done.stateMachineArn()).isEqualTo(machine);
    assertThat(done.stateMachineVersionArn()).isEqualTo(machine + ":1");
    assertThat(done.stateMachineAliasArn()).isEqualTo(machine + ":prod");

    DescribeExecutionResponse viaVersion = awaitDone(
        sfn.startExecution(b -> b.stateMachineArn(machine + ":2").name("v2-run")).executionArn());
    assertThat(viaVersion.output()).isEqualTo("\"v2\"");
    assertThat(viaVersion.stateMachineVersionArn()).isEqualTo(machine + ":2");
    assertThat(viaVersion.stateMachineAliasArn()).isNull();
    DescribeExecutionResponse unqualified = awaitDone(
        sfn.startExecution(b -> b.stateMachineArn(machine).name("latest")).executionArn());
    assertThat(unqualified.stateMachineVersionArn()).isNull();

    awaitListed(machine, 3);
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine + ":prod")).executions())
        .singleElement().satisfies(e -> {
          assertThat(e.executionArn()).isEqualTo(viaAlias);
          assertThat(e.stateMachineAliasArn()).isEqualTo(machine + ":prod");
          assertThat(e.stateMachineVersionArn()).isEqualTo(machine + ":1");
        });
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine + ":2")).executions())
        .extracting(e -> e.name()).containsExactly("v2-run");

    var described = sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod"));
    assertThat(described.name()).isEqualTo("prod");
    assertThat(described.description()).isEqualTo("live");
    assertThat(described.routingConfiguration()).containsExactly(route(machine + ":1", 100));
    sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":prod")
        .routingConfiguration(route(machine + ":2", 100)));
    assertThat(awaitDone(sfn.startExecution(b -> b.stateMachineArn(machine + ":prod").name("a2")).executionArn())
        .output()).isEqualTo("\"v2\"");
    assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(machine)).stateMachineAliases())
        .extracting(a -> a.stateMachineAliasArn()).containsExactly(machine + ":prod");
    assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(machine + ":1")).stateMachineAliases()).isEmpty();
  }

  @Test
  void shouldSpreadExecutionsOverTwoVersionsByWeightAndKeepARetriedStartOnItsVersion() throws Exception {
    String machine = sfn.createStateMachine(b -> b.name(unique("canary")).definition(waitingThenReturning("v1"))
        .roleArn(ROLE).publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(waitingThenReturning("v2")).publish(true));
    String alias = sfn.createStateMachineAlias(b -> b.name("canary")
        .routingConfiguration(route(machine + ":1", 50), route(machine + ":2", 50))).stateMachineAliasArn();

    Map<String, Integer> perVersion = new HashMap<>();
    for (int i = 0; i < 16; i++) {
      String name = "run-" + i;
      String arn = sfn.startExecution(b -> b.stateMachineArn(alias).name(name).input("{}")).executionArn();
      assertThat(sfn.startExecution(b -> b.stateMachineArn(alias).name(name).input("{}")).executionArn())
          .as("a retried start is the same execution").isEqualTo(arn);
      perVersion.merge(sfn.describeExecution(b -> b.executionArn(arn)).stateMachineVersionArn(), 1, Integer::sum);
      sfn.stopExecution(b -> b.executionArn(arn));
    }
    assertThat(perVersion).containsOnlyKeys(machine + ":1", machine + ":2");
  }

  @Test
  void shouldRefuseToDeleteAVersionAnAliasRoutesTo() {
    String machine = sfn.createStateMachine(b -> b.name(unique("deleting")).definition(returning("v1")).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("v2")).publish(true));
    String alias = sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(route(machine + ":1", 100)))
        .stateMachineAliasArn();

    assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":1")))
        .isInstanceOf(ConflictException.class);
    sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias).routingConfiguration(route(machine + ":2", 100)));
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":1"));
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":1"));
    assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(machine)).stateMachineVersions())
        .extracting(StateMachineVersionListItem::stateMachineVersionArn).containsExactly(machine + ":2");
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine + ":1")))
        .isInstanceOf(StateMachineDoesNotExistException.class);

    sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
    assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
        .isInstanceOf(ResourceNotFoundException.class);
    sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine + ":2"));
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("v3")));
    assertThat(sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn())
        .as("numbers are never reused").isEqualTo(machine + ":3");

    sfn.createStateMachineAlias(b -> b.name("gone").routingConfiguration(route(machine + ":3", 100)));
    sfn.deleteStateMachine(b -> b.stateMachineArn(machine));
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(machine + ":3")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":gone")))
        .as("deleting the state machine deletes its aliases").isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void shouldAnswerVersionAndAliasErrorsAsAws() {
    String machine = sfn.createStateMachine(b -> b.name(unique("errors")).definition(returning("v1")).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    String other = sfn.createStateMachine(b -> b.name(unique("other")).definition(returning("o")).roleArn(ROLE)
        .publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("v2")).publish(true));

    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("half")
        .routingConfiguration(route(machine + ":1", 50), route(machine + ":2", 40))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("mixed")
        .routingConfiguration(route(machine + ":1", 50), route(other + ":1", 50))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("three")
        .routingConfiguration(route(machine + ":1", 50), route(machine + ":2", 25), route(machine + ":1", 25))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("missing")
        .routingConfiguration(route(machine + ":9", 100))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("42")
        .routingConfiguration(route(machine + ":1", 100))))
        .isInstanceOf(InvalidNameException.class);

    sfn.createStateMachineAlias(b -> b.name("stable").routingConfiguration(route(machine + ":1", 100)));
    assertThat(sfn.createStateMachineAlias(b -> b.name("stable").routingConfiguration(route(machine + ":1", 100)))
        .stateMachineAliasArn()).as("the same request again is idempotent").isEqualTo(machine + ":stable");
    assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("stable")
        .routingConfiguration(route(machine + ":2", 100)))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":stable")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(machine + ":nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(machine + ":nope")))
        .isInstanceOf(StateMachineDoesNotExistException.class);

    assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("x"))
        .versionDescription("without publish"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine + "-missing")))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(machine)))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(machine + ":1").definition(returning("x"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void shouldStartASyncExecutionOfAnExpressVersion() {
    String machine = sfn.createStateMachine(b -> b.name(unique("express")).definition(returning("e1")).roleArn(ROLE)
        .type("EXPRESS").publish(true)).stateMachineArn();
    sfn.updateStateMachine(b -> b.stateMachineArn(machine).definition(returning("e2")));

    var result = sfn.startSyncExecution(b -> b.stateMachineArn(machine + ":1"));
    assertThat(result.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(result.output()).isEqualTo("\"e1\"");
    assertThat(result.stateMachineArn()).isEqualTo(machine);
  }

  private DescribeExecutionResponse awaitDone(String executionArn) {
    return Eventually.await(Duration.ofSeconds(15), () -> {
      DescribeExecutionResponse now = sfn.describeExecution(b -> b.executionArn(executionArn));
      assertThat(now.status()).as("status of %s", executionArn).isNotEqualTo(ExecutionStatus.RUNNING);
      return now;
    });
  }

  private void awaitListed(String machine, int count) {
    Eventually.await(Duration.ofSeconds(10), () -> assertThat(
        sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).as("executions of %s", machine)
        .hasSizeGreaterThanOrEqualTo(count));
  }
}
