package dev.stepstream.server.api;

import static dev.stepstream.server.api.AwsSdkIT.ROLE;
import static dev.stepstream.server.api.AwsSdkIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** DescribeMapRun and ListMapRuns through the AWS SDK for Java v2, for a Distributed Map over its input. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapRunApiIT {
  private static final String DISTRIBUTED = """
      {"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "Items", "MaxConcurrency": 7,
        "ToleratedFailurePercentage": 12.5,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}""";

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

  @Test
  void shouldListAndDescribeTheMapRunOfAFinishedExecution() {
    String name = unique("maprun");
    String machine = sfn.createStateMachine(b -> b.name(name).definition(DISTRIBUTED).roleArn(ROLE)).stateMachineArn();
    String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3]")).executionArn();
    Eventually.await(Duration.ofSeconds(20), () -> assertThat(
        sfn.describeExecution(b -> b.executionArn(execution)).status()).isEqualTo(ExecutionStatus.SUCCEEDED));

    var runs = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns();
    assertThat(runs).hasSize(1);
    MapRunListItem item = runs.get(0);
    assertThat(item.executionArn()).isEqualTo(execution);
    assertThat(item.mapRunArn()).matches("arn:aws:states:us-east-1:123456789012:mapRun:" + name + "/Items:[0-9a-f-]{36}");
    assertThat(item.stateMachineArn()).isEqualTo(machine + "/Items");
    assertThat(item.stopDate()).isAfterOrEqualTo(item.startDate());

    DescribeMapRunResponse described = sfn.describeMapRun(b -> b.mapRunArn(item.mapRunArn()));
    assertThat(described.executionArn()).isEqualTo(execution);
    assertThat(described.status()).isEqualTo(MapRunStatus.SUCCEEDED);
    assertThat(described.maxConcurrency()).isEqualTo(7);
    assertThat(described.toleratedFailurePercentage()).isEqualTo(12.5f);
    assertThat(described.toleratedFailureCount()).isZero();
    assertThat(described.startDate()).isEqualTo(item.startDate());
    assertThat(described.itemCounts().total()).isEqualTo(3);
    assertThat(described.itemCounts().succeeded()).isEqualTo(3);
    assertThat(described.executionCounts().succeeded()).isEqualTo(3);
    assertThat(described.executionCounts().running()).isZero();

    // Each item ran as a child execution of the Map Run.
    Eventually.await(Duration.ofSeconds(20), () -> assertThat(
        sfn.listExecutions(b -> b.mapRunArn(item.mapRunArn())).executions()).hasSize(3));
    var children = sfn.listExecutions(b -> b.mapRunArn(item.mapRunArn())).executions();
    assertThat(children).allSatisfy(child -> {
      assertThat(child.executionArn()).startsWith(execution.substring(0, execution.indexOf(":execution:"))
          + ":execution:" + name + "/Items:");
      assertThat(child.stateMachineArn()).isEqualTo(machine + "/Items");
      assertThat(child.mapRunArn()).isEqualTo(item.mapRunArn());
      assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    });
    var child = sfn.describeExecution(b -> b.executionArn(children.get(0).executionArn()));
    assertThat(child.mapRunArn()).isEqualTo(item.mapRunArn());
    assertThat(child.output()).isIn("1", "2", "3");
    var childMachine = sfn.describeStateMachineForExecution(b -> b.executionArn(children.get(0).executionArn()));
    assertThat(childMachine.stateMachineArn()).isEqualTo(machine + "/Items");
    assertThat(childMachine.mapRunArn()).isEqualTo(item.mapRunArn());
    assertThat(childMachine.label()).isEqualTo("Items");
    assertThat(childMachine.definition()).contains("\"StartAt\":\"P\"").doesNotContain("ProcessorConfig");
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
        .singleElement().satisfies(only -> assertThat(only.executionArn()).isEqualTo(execution));
    assertThatThrownBy(() -> sfn.listExecutions(b -> b.mapRunArn(item.mapRunArn()).stateMachineArn(machine)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("not both");
  }

  @Test
  void shouldUpdateTheLimitsOfARunningMapRun() {
    String name = unique("update");
    String slow = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "Slow", "MaxConcurrency": 1,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 4, "End": true}}}, "End": true}}}""";
    String machine = sfn.createStateMachine(b -> b.name(name).definition(slow).roleArn(ROLE)).stateMachineArn();
    String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3,4,5,6]")).executionArn();
    Eventually.await(Duration.ofSeconds(20), () -> assertThat(sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns())
        .hasSize(1));
    String mapRun = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().get(0).mapRunArn();

    assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(mapRun).toleratedFailurePercentage(101f)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("toleratedFailurePercentage");
    sfn.updateMapRun(b -> b.mapRunArn(mapRun).maxConcurrency(6).toleratedFailureCount(2L));

    Eventually.await(Duration.ofSeconds(20), () -> {
      DescribeMapRunResponse described = sfn.describeMapRun(b -> b.mapRunArn(mapRun));
      assertThat(described.maxConcurrency()).isEqualTo(6);
      assertThat(described.toleratedFailureCount()).isEqualTo(2);
    });
    Eventually.await(Duration.ofSeconds(60), () -> assertThat(
        sfn.describeExecution(b -> b.executionArn(execution)).status()).isEqualTo(ExecutionStatus.SUCCEEDED));
  }

  @Test
  void shouldAnswerAwsErrorsForUnknownOrMalformedArns() {
    assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn("not-an-arn"))).isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.describeMapRun(b -> b.mapRunArn(
        "arn:aws:states:us-east-1:123456789012:mapRun:nobody/Items:00000000-0000-0000-0000-000000000000")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> sfn.listMapRuns(b -> b.executionArn(
        "arn:aws:states:us-east-1:123456789012:execution:nobody:none")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
  }
}
