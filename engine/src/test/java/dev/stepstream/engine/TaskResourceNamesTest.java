package dev.stepstream.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.HistoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** History names a service integration as AWS does: resourceType = service, resource = API + suffix. */
class TaskResourceNamesTest {

  /** The parameters each of these services requires (the validator refuses a call without them). */
  private static final String EVERY_REQUIRED_PARAMETER = """
      {"FunctionName":"f","StateMachineArn":"arn:aws:states:us-east-1:1:stateMachine:c","Message":"m",
       "ApiEndpoint":"https://example.com","Method":"GET",
       "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:1:connection/c/1"},
       "QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/q","MessageBody":"b","Topic":"t"}""";

  @ParameterizedTest
  @CsvSource({
      "arn:aws:states:::lambda:invoke, lambda, invoke",
      "arn:aws:states:::lambda:invoke.waitForTaskToken, lambda, invoke.waitForTaskToken",
      "arn:aws:states:::states:startExecution.sync:2, states, startExecution.sync:2",
      "arn:aws:states:::states:startExecution, states, startExecution",
      "arn:aws:states:::sns:publish, sns, publish",
      "arn:aws:states:::http:invoke, http, invoke",
      "arn:aws-cn:states:::sqs:sendMessage.waitForTaskToken, sqs, sendMessage.waitForTaskToken",
      "arn:aws:states:::kafka:publish, kafka, publish"
  })
  void shouldNameServiceAndApiWithSuffixInEveryTaskEvent(String arn, String resourceType, String resource) {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s",
          "Parameters":%s,"End":true}}}""".formatted(arn, EVERY_REQUIRED_PARAMETER)).start("{}");
    d.succeedTask("{}");
    for (String type : List.of("TaskScheduled", "TaskStarted", "TaskSucceeded")) {
      JsonNode details = d.event(type).details();
      assertThat(details.get("resourceType").asText()).as(type).isEqualTo(resourceType);
      assertThat(details.get("resource").asText()).as(type).isEqualTo(resource);
    }
  }

  @Test
  void shouldNameResourceInTaskFailed() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
          "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:1:stateMachine:c"},"End":true}}}""").start("{}");
    d.failTask("States.TaskFailed", "child failed");
    HistoryEvent failed = d.event("TaskFailed");
    assertThat(failed.details().get("resourceType").asText()).isEqualTo("states");
    assertThat(failed.details().get("resource").asText()).isEqualTo("startExecution.sync:2");
  }

  @Test
  void shouldRouteBuiltInIntegrationsToReservedTaskNames() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
          "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:1:t","Message.$":"$$.Task.Token"},"End":true}}}""")
        .start("{}");
    assertThat(d.lastTask().taskName()).isEqualTo("__sns.publish");
    assertThat(d.lastTask().resource()).isEqualTo("arn:aws:states:::sns:publish.waitForTaskToken");
  }

  @Test
  void shouldRouteTheHttpTaskToItsReservedTaskName() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
          "Parameters":{"ApiEndpoint":"https://api.example.com","Method":"GET",
            "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:1:connection/c/1"}},"End":true}}}""")
        .start("{}");
    assertThat(d.lastTask().taskName()).isEqualTo("__http.invoke");
  }

  @Test
  void shouldKeepServiceDotApiTaskNamesForOtherIntegrations() {
    TestDriver d = new TestDriver("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
          "Parameters":{"TableName":"t"},"End":true}}}""").start("{}");
    assertThat(d.lastTask().taskName()).isEqualTo("dynamodb.putItem");
  }
}
