package dev.stepstream.engine;

import static dev.stepstream.engine.TestDriver.EXEC_ARN;
import static dev.stepstream.engine.TestDriver.SM_ARN;
import static dev.stepstream.engine.TestDriver.T0;
import static dev.stepstream.engine.TestDriver.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.task.NestedExecutions;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ParentExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskResult;
import dev.stepstream.wire.TaskSucceeded;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code states:startExecution}: the parent's Task (reserved task name, TaskSubmitted with the child's
 * ARN, stopping its children) and the child's answer, in the shapes AWS recorded (LocalStack's
 * AWS-validated snapshots {@code test_callback.snapshot.json}: test_start_execution_sync,
 * test_start_execution_sync2, test_start_execution_sync_delegate_failure).
 */
class NestedExecutionsTest {
  private static final String CHILD_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Child";
  private static final String PARENT_ARN = "arn:aws:states:us-east-1:123456789012:execution:Parent:p-1";

  private static TestDriver parent(String resource, String parameters) {
    return new TestDriver("""
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s","Parameters":%s,"End":true}}}"""
        .formatted(resource, parameters)).start("{\"order\":7}");
  }

  private static TestDriver child(String definition, String parentResource) {
    TestDriver d = new TestDriver(definition);
    d.apply(new StartExecution(1, EXEC_ARN, SM_ARN, "run-1", json("{\"order\":7}"), T0, null, null,
        new ParentExecution(PARENT_ARN, "tok-parent", parentResource)));
    return d;
  }

  private static List<TaskResult> sentResults(TestDriver d) {
    return d.effects.stream().filter(Effect.SendTaskResult.class::isInstance)
        .map(e -> ((Effect.SendTaskResult) e).result()).toList();
  }

  private static List<StopExecution> sentStops(TestDriver d) {
    return d.effects.stream().filter(Effect.SendCommand.class::isInstance)
        .map(e -> (StopExecution) ((Effect.SendCommand) e).command()).toList();
  }

  @Test
  void shouldScheduleTheReservedTaskAndRecordTheChildInTaskSubmitted() {
    TestDriver d = parent("arn:aws:states:::states:startExecution.sync:2", """
        {"StateMachineArn":"%s","Input":{"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$":"$$.Execution.Id"}}"""
        .formatted(CHILD_MACHINE));

    assertThat(d.lastTask().taskName()).isEqualTo("__states.startExecution");
    assertThat(d.lastTask().input().get("Input").get("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID").asText())
        .isEqualTo(EXEC_ARN);
    String childArn = NestedExecutions.childArn(d.lastTask().input(), d.lastTask().taskToken()).orElseThrow();
    assertThat(childArn).startsWith("arn:aws:states:us-east-1:123456789012:execution:Child:")
        .matches(".*:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(d.eventTypes()).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted");
    JsonNode submitted = d.event("TaskSubmitted").details();
    assertThat(json(submitted.get("output").asText()))
        .isEqualTo(json("{\"ExecutionArn\":\"" + childArn + "\",\"StartDate\":" + T0 + "}"));
    assertThat(submitted.get("resource").asText()).isEqualTo("startExecution.sync:2");
  }

  @Test
  void shouldNameTheChildByTheNameParameterAndTheSameAttemptAlike() {
    JsonNode named = json("{\"StateMachineArn\":\"" + CHILD_MACHINE + ":3\",\"Name\":\"order-7\"}");
    JsonNode unnamed = json("{\"StateMachineArn\":\"" + CHILD_MACHINE + "\"}");

    assertThat(NestedExecutions.childArn(named, "tok")).contains(
        "arn:aws:states:us-east-1:123456789012:execution:Child:order-7");
    assertThat(NestedExecutions.childArn(unnamed, "tok")).isEqualTo(NestedExecutions.childArn(unnamed, "tok"));
    assertThat(NestedExecutions.childArn(unnamed, "tok")).isNotEqualTo(NestedExecutions.childArn(unnamed, "tok2"));
    assertThat(NestedExecutions.childArn(json("{\"StateMachineArn\":\"arn:aws:lambda:us-east-1:1:function:f\"}"),
        "tok")).isEmpty();
  }

  @Test
  void shouldAnswerASync2ParentWithTheDescribeExecutionShapeAsJson() {
    TestDriver d = child("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"Arg1":"argument1"},"End":true}}}""",
        "arn:aws:states:::states:startExecution.sync:2");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(sentResults(d)).singleElement().satisfies(result -> {
      TaskSucceeded ok = (TaskSucceeded) result;
      assertThat(ok.executionArn()).isEqualTo(PARENT_ARN);
      assertThat(ok.taskToken()).isEqualTo("tok-parent");
      assertThat(ok.output().toString()).isEqualTo("{\"ExecutionArn\":\"" + EXEC_ARN + "\",\"Input\":{\"order\":7},"
          + "\"InputDetails\":{\"Included\":true},\"Name\":\"run-1\",\"Output\":{\"Arg1\":\"argument1\"},"
          + "\"OutputDetails\":{\"Included\":true},\"StartDate\":" + T0 + ",\"StateMachineArn\":\"" + SM_ARN
          + "\",\"Status\":\"SUCCEEDED\",\"StopDate\":" + T0 + "}");
    });
  }

  @Test
  void shouldAnswerASyncParentWithInputAndOutputAsStrings() {
    TestDriver d = child("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"Arg1":"argument1"},"End":true}}}""",
        "arn:aws:states:::states:startExecution.sync");

    TaskSucceeded ok = (TaskSucceeded) sentResults(d).get(0);
    assertThat(ok.output().get("Input").asText()).isEqualTo("{\"order\":7}");
    assertThat(ok.output().get("Output").asText()).isEqualTo("{\"Arg1\":\"argument1\"}");
  }

  @Test
  void shouldFailTheParentsTaskWithTaskFailedAndTheChildDescribedInTheCause() {
    TestDriver d = child("""
        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"SomeFailure",
          "Cause":"This state machines raises a 'SomeFailure' failure."}}}""",
        "arn:aws:states:::states:startExecution.sync");

    TaskFailed failed = (TaskFailed) sentResults(d).get(0);
    assertThat(failed.error()).isEqualTo("States.TaskFailed");
    assertThat(failed.cause()).isEqualTo("{\"Cause\":\"This state machines raises a 'SomeFailure' failure.\","
        + "\"Error\":\"SomeFailure\",\"ExecutionArn\":\"" + EXEC_ARN + "\",\"Input\":\"{\\\"order\\\":7}\","
        + "\"InputDetails\":{\"Included\":true},\"Name\":\"run-1\",\"StartDate\":" + T0 + ",\"StateMachineArn\":\""
        + SM_ARN + "\",\"Status\":\"FAILED\",\"StopDate\":" + T0 + "}");
  }

  @Test
  void shouldReportATimedOutChildAsTimedOutWithStatesTimeout() {
    TestDriver d = child("""
        {"TimeoutSeconds":1,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""",
        "arn:aws:states:::states:startExecution.sync:2");
    d.fireNextTimer();

    TaskFailed failed = (TaskFailed) sentResults(d).get(0);
    JsonNode described = json(failed.cause());
    assertThat(described.get("Status").asText()).isEqualTo("TIMED_OUT");
    assertThat(described.get("Error").asText()).isEqualTo("States.Timeout");
    assertThat(described.get("StopDate").asLong()).isEqualTo(T0 + 1000);
  }

  @Test
  void shouldReportAStoppedChildAsAborted() {
    TestDriver d = child("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""",
        "arn:aws:states:::states:startExecution.sync:2");
    d.stop("Stopped.ByParent", "the parent was stopped");

    JsonNode described = json(((TaskFailed) sentResults(d).get(0)).cause());
    assertThat(described.get("Status").asText()).isEqualTo("ABORTED");
    assertThat(described.get("Error").asText()).isEqualTo("Stopped.ByParent");
  }

  @Test
  void shouldNotAnswerACallbackParent() {
    TestDriver d = child("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""",
        "arn:aws:states:::states:startExecution.waitForTaskToken");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(sentResults(d)).isEmpty();
  }

  @Test
  void shouldAnswerARequestResponseParentOnceTheChildHasStarted() {
    TestDriver d = child("""
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "arn:aws:states:::states:startExecution");

    assertThat(sentResults(d)).singleElement().isInstanceOfSatisfying(TaskSucceeded.class, answer -> {
      assertThat(answer.executionArn()).isEqualTo(PARENT_ARN);
      assertThat(answer.taskToken()).isEqualTo("tok-parent");
      assertThat(answer.output().get("ExecutionArn").asText()).isEqualTo(EXEC_ARN);
      assertThat(answer.output().get("StartDate").asLong()).isEqualTo(T0);
      assertThat(answer.output().at("/SdkHttpMetadata/HttpHeaders/Content-Type").asText())
          .isEqualTo("application/x-amz-json-1.0");
      assertThat(answer.output().at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    });
  }

  private static StartExecution startBy(String token, String resource, String input) {
    return new StartExecution(1, EXEC_ARN, SM_ARN, "run-1", json(input), T0, null, null,
        new ParentExecution("arn:aws:states:us-east-1:123456789012:execution:Parent:p-2", token, resource));
  }

  @Test
  void shouldFailAnotherParentTaskWhoseChildNameIsTaken() {
    TestDriver d = child("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""",
        "arn:aws:states:::states:startExecution.sync:2");
    d.effects.clear();
    ExecutionState before = d.state;

    Decision decision = d.apply(startBy("tok-other", "arn:aws:states:::states:startExecution.sync:2", "{\"order\":7}"));

    assertThat(decision.applied()).isTrue();
    assertThat(decision.state()).isEmpty();
    assertThat(d.state).isEqualTo(before);
    assertThat(sentResults(d)).singleElement().isInstanceOfSatisfying(TaskFailed.class, failed -> {
      assertThat(failed.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Parent:p-2");
      assertThat(failed.taskToken()).isEqualTo("tok-other");
      assertThat(failed.error()).isEqualTo("StepFunctions.ExecutionAlreadyExistsException");
      assertThat(failed.cause()).startsWith("Execution Already Exists: '" + EXEC_ARN + "' (Service: AWSStepFunctions; "
          + "Status Code: 400; Error Code: ExecutionAlreadyExists; Request ID: ").endsWith("; Proxy: null)");
    });
  }

  @Test
  void shouldGiveARequestResponseParentTheRunningChildThatHasItsNameAndInput() {
    TestDriver d = child("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""",
        "arn:aws:states:::states:startExecution");
    d.effects.clear();

    d.apply(startBy("tok-other", "arn:aws:states:::states:startExecution", "{\"order\":7}"));
    assertThat(sentResults(d)).singleElement().isInstanceOf(TaskSucceeded.class);
    d.effects.clear();

    d.apply(startBy("tok-third", "arn:aws:states:::states:startExecution", "{\"order\":8}"));
    assertThat(sentResults(d)).singleElement().isInstanceOfSatisfying(TaskFailed.class,
        failed -> assertThat(failed.error()).isEqualTo("StepFunctions.ExecutionAlreadyExistsException"));
  }

  @Test
  void shouldIgnoreTheSameStartAgain() {
    TestDriver d = child("""
        {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""",
        "arn:aws:states:::states:startExecution.sync");
    d.effects.clear();

    Decision again = d.apply(startBy("tok-parent", "arn:aws:states:::states:startExecution.sync", "{\"order\":7}"));

    assertThat(again.applied()).isFalse();
    assertThat(sentResults(d)).isEmpty();
  }

  @Test
  void shouldStopTheSyncChildWhenTheParentIsStopped() {
    TestDriver d = parent("arn:aws:states:::states:startExecution.sync:2",
        "{\"StateMachineArn\":\"" + CHILD_MACHINE + "\",\"Name\":\"order-7\"}");
    d.stop(null, null);

    assertThat(sentStops(d)).extracting(StopExecution::executionArn)
        .containsExactly("arn:aws:states:us-east-1:123456789012:execution:Child:order-7");
  }

  @Test
  void shouldLeaveRequestResponseAndCallbackChildrenRunningWhenTheParentIsStopped() {
    String parameters = "{\"StateMachineArn\":\"" + CHILD_MACHINE + "\",\"Input\":{\"t.$\":\"$$.Task.Token\"}}";
    for (String resource : List.of("arn:aws:states:::states:startExecution",
        "arn:aws:states:::states:startExecution.waitForTaskToken")) {
      TestDriver d = parent(resource, parameters);
      d.stop(null, null);

      assertThat(sentStops(d)).as(resource).isEmpty();
    }
  }

  @Test
  void shouldCompleteTheParentsTaskWithTheChildsAnswer() {
    TestDriver d = parent("arn:aws:states:::states:startExecution.sync:2",
        "{\"StateMachineArn\":\"" + CHILD_MACHINE + "\"}");
    d.succeedTask("{\"Status\":\"SUCCEEDED\",\"Output\":{\"n\":1}}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output().get("Output").get("n").asInt()).isEqualTo(1);
    assertThat(d.eventTypes()).containsSubsequence("TaskSubmitted", "TaskSucceeded", "ExecutionSucceeded");
  }
}
