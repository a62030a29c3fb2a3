package dev.stepstream.processor.integrations;

import static dev.stepstream.processor.integrations.Calls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireJson;
import org.junit.jupiter.api.Test;

/** {@code states:startExecution}: one StartExecution command for the child, keyed by its ARN. */
class StatesStartExecutionTest {
  static final String START = "arn:aws:states:::states:startExecution";
  static final String CHILD_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:Ship";

  private static StartExecution command(Plan plan) {
    return WireJson.decode(plan.records().get(0).value(), StartExecution.class);
  }

  @Test
  void shouldStartTheChildOnTheCommandsTopicAndReturnItsArnAndStartDate() {
    Plan plan = new Calls().plan(START, """
        {"StateMachineArn":"%s","Name":"ship-7","Input":{"order":7}}""".formatted(CHILD_MACHINE));

    Outgoing record = plan.records().get(0);
    String childArn = "arn:aws:states:eu-west-1:123456789012:execution:Ship:ship-7";
    assertThat(record.topic()).isEqualTo("stepstream.commands");
    assertThat(record.key()).isEqualTo(childArn);
    StartExecution start = command(plan);
    assertThat(start.executionArn()).isEqualTo(childArn);
    assertThat(start.stateMachineArn()).isEqualTo(CHILD_MACHINE);
    assertThat(start.name()).isEqualTo("ship-7");
    assertThat(start.input()).isEqualTo(json("{\"order\":7}"));
    assertThat(start.requestedAt()).isEqualTo(Calls.NOW);
    assertThat(start.parent().executionArn()).isEqualTo(Calls.EXECUTION);
    assertThat(start.parent().taskToken()).isEqualTo("token-1");
    assertThat(start.parent().waits()).isFalse();
    JsonNode result = Calls.succeeded(plan);
    assertThat(result.get("ExecutionArn").asText()).isEqualTo(childArn);
    assertThat(result.get("StartDate").asLong()).isEqualTo(Calls.NOW);
  }

  @Test
  void shouldGiveTheSameChildToTheSameAttemptWhenNoNameIsGiven() {
    String params = "{\"StateMachineArn\":\"" + CHILD_MACHINE + "\"}";
    StartExecution first = command(new Calls().plan(START + ".sync:2", params));
    StartExecution again = command(new Calls().plan(START + ".sync:2", params));

    assertThat(first.executionArn()).isEqualTo(again.executionArn())
        .startsWith("arn:aws:states:eu-west-1:123456789012:execution:Ship:");
    assertThat(first.input()).isEqualTo(json("{}"));
    assertThat(first.parent().resource()).isEqualTo(START + ".sync:2");
    assertThat(first.parent().sync2()).isTrue();
  }

  @Test
  void shouldReadAnInputGivenAsJsonText() {
    StartExecution start = command(new Calls().plan(START + ".sync",
        "{\"StateMachineArn\":\"" + CHILD_MACHINE + "\",\"Input\":\"{\\\"a\\\":[1,2]}\"}"));

    assertThat(start.input()).isEqualTo(json("{\"a\":[1,2]}"));
    assertThat(start.parent().sync()).isTrue();
  }

  @Test
  void shouldFailWithStepFunctionsErrorsForBadParameters() {
    Calls calls = new Calls();
    Outcome.Failed noArn = Calls.failed(calls.plan(START, "{\"Input\":{}}"));
    assertThat(noArn.error()).isEqualTo("StepFunctions.InvalidArnException");
    assertThat(noArn.cause()).startsWith("Invalid Arn: 'StateMachineArn' is required (Service: AWSStepFunctions; "
        + "Status Code: 400; Error Code: InvalidArn; Request ID: ");

    Outcome.Failed badInput = Calls.failed(calls.plan(START,
        "{\"StateMachineArn\":\"" + CHILD_MACHINE + "\",\"Input\":\"{not json\"}"));
    assertThat(badInput.error()).isEqualTo("StepFunctions.InvalidExecutionInputException");

    Outcome.Failed badName = Calls.failed(calls.plan(START,
        "{\"StateMachineArn\":\"" + CHILD_MACHINE + "\",\"Name\":\"has space\"}"));
    assertThat(badName.error()).isEqualTo("StepFunctions.InvalidNameException");
  }
}
