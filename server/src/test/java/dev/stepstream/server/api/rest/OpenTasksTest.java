package dev.stepstream.server.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireVersions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenTasksTest {
  private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:M:e1";
  private final List<HistoryEvent> history = new ArrayList<>();

  private long add(String type, long previous, ObjectNode details) {
    long id = history.size() + 1;
    history.add(new HistoryEvent(WireVersions.CURRENT, EXECUTION, id, previous, 1000 * id, type, null, details));
    return id;
  }

  private static ObjectNode lambda(String function) {
    return AwsJson.object().put("resource", "arn:aws:lambda:us-east-1:123456789012:function:" + function);
  }

  @Test
  void shouldListAScheduledLambdaWithoutOutcomeByItsFunctionName() {
    long entered = add("TaskStateEntered", 0, AwsJson.object().put("name", "Shout"));
    long scheduled = add("LambdaFunctionScheduled", entered, lambda("Shout"));

    assertThat(OpenTasks.of(history)).containsExactly(new OpenTasks.OpenTask(scheduled, "Shout"));
  }

  @Test
  void shouldCloseATaskWhoseOutcomeFollowsItsScheduledEvent() {
    long scheduled = add("LambdaFunctionScheduled", 0, lambda("Shout"));
    long started = add("LambdaFunctionStarted", scheduled, null);
    add("LambdaFunctionSucceeded", started, AwsJson.object().put("output", "{}"));

    assertThat(OpenTasks.of(history)).isEmpty();
  }

  @Test
  void shouldTellParallelBranchesApartByTheirEventChain() {
    long first = add("LambdaFunctionScheduled", 0, lambda("Left"));
    long second = add("LambdaFunctionScheduled", 0, lambda("Right"));
    long started = add("LambdaFunctionStarted", first, null);
    add("LambdaFunctionTimedOut", started, AwsJson.object().put("error", "States.Timeout"));

    assertThat(OpenTasks.of(history)).containsExactly(new OpenTasks.OpenTask(second, "Right"));
  }

  @Test
  void shouldNameLambdaInvokeByFunctionNameAndActivitiesByActivityName() {
    long invoke = add("TaskScheduled", 0, AwsJson.object().put("resourceType", "lambda").put("resource", "invoke")
        .put("parameters", "{\"FunctionName\":\"arn:aws:lambda:us-east-1:123456789012:function:Resize:live\"}"));
    long activity = add("ActivityScheduled", 0,
        AwsJson.object().put("resource", "arn:aws:states:us-east-1:123456789012:activity:approve"));

    assertThat(OpenTasks.of(history)).containsExactly(new OpenTasks.OpenTask(invoke, "Resize"),
        new OpenTasks.OpenTask(activity, "approve"));
  }

  @Test
  void shouldLeaveOutTheIntegrationsStepstreamRunsItself() {
    add("TaskScheduled", 0, AwsJson.object().put("resourceType", "sns").put("resource", "publish")
        .put("parameters", "{\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:t\",\"Message\":\"m\"}"));

    assertThat(OpenTasks.of(history)).isEmpty();
  }
}
