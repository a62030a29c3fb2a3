package dev.stepstream.server.api;

import static dev.stepstream.server.api.AwsSdkIT.ROLE;
import static dev.stepstream.server.api.AwsSdkIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.testkit.Eventually;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.TaskTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** The AWS SDK for Java v2 against Stepstream: state machine, activity, tag, validate and TestState operations and their AWS errors. */
@ExtendWith(KafkaClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsSdkOperationsIT {
  private static final String PASS = """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}
      """;
  private static final String MISSING_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:nothing-here";
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
  void shouldCreateDescribeUpdateAndDeleteAStateMachine() {
    String name = unique("crud");
    var created = sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE));
    assertThat(created.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:" + name);
    assertThat(sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE)).stateMachineArn())
        .as("the same request again is idempotent").isEqualTo(created.stateMachineArn());

    var described = sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
    assertThat(described.name()).isEqualTo(name);
    assertThat(described.definition()).isEqualTo(PASS);
    assertThat(described.roleArn()).isEqualTo(ROLE);
    assertThat(described.typeAsString()).isEqualTo("STANDARD");
    assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    assertThat(described.creationDate()).isEqualTo(created.creationDate());

    String changed = PASS.replace("\"End\"", "\"Comment\": \"v2\", \"End\"");
    var updated = sfn.updateStateMachine(b -> b.stateMachineArn(created.stateMachineArn()).definition(changed));
    assertThat(updated.revisionId()).isNotBlank();
    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn())).definition()).isEqualTo(changed);
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE)))
        .isInstanceOf(StateMachineAlreadyExistsException.class);

    sfn.deleteStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn())))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void shouldKeepNonAsciiTextIntactInDefinitionsAndResponses() {
    String definition = "{\"Comment\": \"Olá, café ☕\", \"StartAt\": \"P\", \"States\": "
        + "{\"P\": {\"Type\": \"Pass\", \"Result\": \"ação\", \"End\": true}}}";
    var created = sfn.createStateMachine(b -> b.name(unique("utf8")).definition(definition).roleArn(ROLE));

    assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn())).definition())
        .isEqualTo(definition);
  }

  @Test
  void shouldPageStateMachinesInNameOrder() {
    String prefix = unique("page");
    for (String n : List.of("c", "a", "b")) {
      sfn.createStateMachine(b -> b.name(prefix + "-" + n).definition(PASS).roleArn(ROLE));
    }
    List<String> names = new ArrayList<>();
    int[] pages = {0};
    sfn.listStateMachinesPaginator(b -> b.maxResults(2)).forEach(page -> {
      pages[0]++;
      page.stateMachines().forEach(m -> names.add(m.name()));
    });
    assertThat(names.stream().filter(n -> n.startsWith(prefix)))
        .containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
    assertThat(pages[0]).isGreaterThanOrEqualTo(2);
    assertThatThrownBy(() -> sfn.listStateMachines(b -> b.nextToken("not-a-token")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void shouldAnswerWithTheAwsErrorsForBadArnsNamesDefinitionsAndMissingResources() {
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(MISSING_MACHINE)))
        .isInstanceOf(StateMachineDoesNotExistException.class)
        .hasMessageContaining("State Machine Does Not Exist: '" + MISSING_MACHINE + "'");
    assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(MISSING_MACHINE)))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("bad name").definition(PASS).roleArn(ROLE)))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name(unique("bad")).roleArn(ROLE)
        .definition("{\"StartAt\": \"Nope\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}")))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Invalid State Machine Definition");
    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(
        "arn:aws:states:us-east-1:123456789012:execution:nothing-here:run")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(MISSING_MACHINE)))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("garbage!").output("{}")))
        .isInstanceOf(InvalidTokenException.class);
    String missing = "arn:aws:states:us-east-1:123456789012:execution:nothing-here:run";
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(fixture.processor.tokenKeys().token(missing, 1))
        .output("{}")))
        .isInstanceOf(TaskDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(AwsSdkIT.tokenFor(missing)).output("{}")))
        .as("a token the deployment did not sign")
        .isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> sfn.listStateMachines(b -> b.maxResults(1001)))
        .isInstanceOf(SfnException.class)
        .satisfies(e -> assertThat(((SfnException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }

  @Test
  void shouldRefuseSyncExecutionOfAStandardMachineAndRedriveOfASucceededOne() throws Exception {
    String machine = sfn.createStateMachine(b -> b.name(unique("std")).definition(PASS).roleArn(ROLE)).stateMachineArn();
    assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(machine)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    Eventually.await(Duration.ofSeconds(10), () ->
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.SUCCEEDED));
    assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
        .isInstanceOf(ExecutionNotRedrivableException.class);
  }

  @Test
  void shouldValidateDefinitionsWithDiagnosticsAndJsonPointers() {
    var ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(ok.diagnostics()).isEmpty();

    var failed = sfn.validateStateMachineDefinition(b -> b.definition("""
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Missing"}}}
        """));
    assertThat(failed.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    // AWS's codes and order; MISSING_END_STATE has no location (floci-io/floci PR #2786, measured on AWS).
    assertThat(failed.diagnostics()).extracting(d -> d.severityAsString() + " " + d.code() + " " + d.message() + " " + d.location())
        .containsExactly("ERROR MISSING_TRANSITION_TARGET Missing 'Next' target: Missing /States/P/Next",
            "ERROR MISSING_END_STATE Workflow has no terminal state null");
  }

  @Test
  void shouldRunOneStateWithTestState() {
    var choice = sfn.testState(b -> b.roleArn(ROLE).input("{\"n\": 7}").definition("""
        {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 5, "Next": "Big"}], "Default": "Small"}
        """));
    assertThat(choice.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(choice.nextState()).isEqualTo("Big");
    assertThat(choice.output()).isEqualTo("{\"n\":7}");

    var pass = sfn.testState(b -> b.roleArn(ROLE).input("{}").definition("""
        {"Type": "Pass", "Result": {"ok": true}, "End": true}
        """));
    assertThat(pass.output()).isEqualTo("{\"ok\":true}");
    assertThat(pass.nextState()).isNull();

    var fail = sfn.testState(b -> b.roleArn(ROLE).definition("""
        {"Type": "Fail", "Error": "Oops", "Cause": "on purpose"}
        """));
    assertThat(fail.statusAsString()).isEqualTo("FAILED");
    assertThat(fail.error()).isEqualTo("Oops");
    assertThat(fail.cause()).isEqualTo("on purpose");
  }

  @Test
  void shouldManageActivitiesAndHandTheirTasksToGetActivityTask() throws Exception {
    String name = unique("approve");
    String activity = sfn.createActivity(b -> b.name(name)).activityArn();
    assertThat(activity).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:" + name);
    assertThat(sfn.describeActivity(b -> b.activityArn(activity)).name()).isEqualTo(name);
    assertThat(sfn.listActivities(b -> b.maxResults(1000)).activities()).extracting(a -> a.activityArn())
        .contains(activity);

    String machine = sfn.createStateMachine(b -> b.name(unique("approval")).roleArn(ROLE).definition("""
        {"StartAt": "Approve", "States": {"Approve": {"Type": "Task", "Resource": "%s", "End": true}}}
        """.formatted(activity))).stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"order\": 42}")).executionArn();
    var task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("it"));
    for (int i = 0; i < 5 && task.taskToken() == null; i++) {
      task = sfn.getActivityTask(b -> b.activityArn(activity));
    }
    assertThat(task.input()).isEqualTo("{\"order\":42}");
    String token = task.taskToken();
    String forged = TaskTokens.create(arn, TaskTokens.sequence(token).getAsLong() + 1, TaskTokens.nonce(token).get());
    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(forged).output("{}")))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("Invalid Token");
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\": true}"));
    Eventually.await(Duration.ofSeconds(10), () ->
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isNotEqualTo(ExecutionStatus.RUNNING));
    assertThat(sfn.describeExecution(b -> b.executionArn(arn)).output()).isEqualTo("{\"approved\":true}");

    sfn.deleteActivity(b -> b.activityArn(activity));
    assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(activity)))
        .isInstanceOf(ActivityDoesNotExistException.class);
  }

  @Test
  void shouldTagUntagAndListTags() {
    String machine = sfn.createStateMachine(b -> b.name(unique("tagged")).definition(PASS).roleArn(ROLE)
        .tags(Tag.builder().key("team").value("images").build())).stateMachineArn();
    sfn.tagResource(b -> b.resourceArn(machine).tags(Tag.builder().key("env").value("dev").build()));
    assertThat(AwsSdkIT.tags(sfn.listTagsForResource(b -> b.resourceArn(machine))))
        .isEqualTo(Map.of("team", "images", "env", "dev"));
    sfn.untagResource(b -> b.resourceArn(machine).tagKeys("team"));
    assertThat(AwsSdkIT.tags(sfn.listTagsForResource(b -> b.resourceArn(machine)))).isEqualTo(Map.of("env", "dev"));
    assertThatThrownBy(() -> sfn.listTagsForResource(b -> b.resourceArn(MISSING_MACHINE)))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
