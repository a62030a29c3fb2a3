package dev.stepstream.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.wire.TaskFailed;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.WireJson;
import org.junit.jupiter.api.Test;

class MockedTasksTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:local:x";

  private static TaskRequest request(String state, String token) {
    return new TaskRequest(1, ARN, token, "arn:aws:lambda:us-east-1:123456789012:function:F", "F", state,
        WireJson.mapper().createObjectNode(), 1, null, null, WireJson.mapper().createObjectNode(), 0L);
  }

  @Test
  void shouldCountInvocationsPerStateIncludingRetries() throws Exception {
    Mocks mocks = Mocks.parse("{\"MockedResponses\":{\"A\":{\"0\":{\"Throw\":{\"Error\":\"E\",\"Cause\":\"c\"}},"
        + "\"1\":{\"Return\":\"second\"}},\"B\":{\"0\":{\"Return\":\"b\"}}}}");
    MockedTasks tasks = new MockedTasks(mocks.defaultPlan());

    assertThat(tasks.answer(request("A", "t1"))).isEqualTo(new TaskFailed(1, ARN, "t1", "E", "c"));
    assertThat(tasks.answer(request("B", "t2"))).isEqualTo(new TaskSucceeded(1, ARN, "t2", WireJson.mapper().valueToTree("b")));
    assertThat(tasks.answer(request("A", "t3"))).isEqualTo(new TaskSucceeded(1, ARN, "t3", WireJson.mapper().valueToTree("second")));
  }

  @Test
  void shouldFailAnInvocationTheMockDoesNotCover() throws Exception {
    MockedTasks tasks = new MockedTasks(Mocks.parse("{\"MockedResponses\":{\"A\":{\"0\":{\"Return\":1}}}}").defaultPlan());
    tasks.answer(request("A", "t1"));

    TaskFailed failed = (TaskFailed) tasks.answer(request("A", "t2"));

    assertThat(failed.error()).isEqualTo("States.TaskFailed");
    assertThat(failed.cause()).isEqualTo("Mocked response 'A' defines no response for invocation 1 of Task state 'A'");
  }

  @Test
  void shouldFailAnUnmockedStateNamingItsResource() {
    TaskFailed failed = (TaskFailed) new MockedTasks(MockPlan.empty()).answer(request("Charge", "t"));

    assertThat(failed.error()).isEqualTo("States.TaskFailed");
    assertThat(failed.cause())
        .isEqualTo("No mock response for Task state 'Charge' (resource arn:aws:lambda:us-east-1:123456789012:function:F)");
  }

  @Test
  void shouldHandTheEngineOnlyThePayloadOfAMockedLambdaInvokeResponse() {
    var mocked = WireJson.mapper().createObjectNode().put("StatusCode", 200);
    mocked.putObject("Payload").put("body", "Hello from Lambda!");

    assertThat(MockedTasks.workerOutput("arn:aws:states:::lambda:invoke", mocked)).isEqualTo(mocked.get("Payload"));
    assertThat(MockedTasks.workerOutput("arn:aws:states:::lambda:invoke.waitForTaskToken", mocked)).isEqualTo(mocked);
    assertThat(MockedTasks.workerOutput("arn:aws:lambda:us-east-1:123456789012:function:F", mocked)).isEqualTo(mocked);
  }
}
