package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answer to a StartExecution whose command Kafka acknowledged. */
class AcceptedStartTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:run-1";
  private static final ObjectNode INPUT = JsonNodeFactory.instance.objectNode().put("n", 1);

  private static ExecutionSummary running(ObjectNode input) {
    return new ExecutionSummary(1, ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:M", "run-1",
        ExecutionStatus.RUNNING, 1L, null, input, null, null, null, 0, null, null, "r1");
  }

  @Test
  void shouldAnswerRetryableServiceUnavailableWhenTheAcceptedExecutionIsNotVisibleInTime() {
    AwsException refused = catchThrowableOfType(
        () -> ExecutionOps.acceptedStart(ARN, INPUT, Optional.empty()), AwsException.class);

    ErrorTable.ErrorResponse answer = ErrorTable.map(refused);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.errorName()).isEqualTo("ServiceUnavailable");
    assertThat(answer.message()).isEqualTo("The execution " + ARN
        + " was accepted but is not visible yet; retry the request with the same name and input");
  }

  @Test
  void shouldReturnTheExecutionWhenItIsVisibleWithTheSameInput() {
    assertThat(ExecutionOps.acceptedStart(ARN, INPUT, Optional.of(running(INPUT))).executionArn()).isEqualTo(ARN);
  }

  @Test
  void shouldAnswerExecutionAlreadyExistsWhenAnotherStartOfTheNameWonWithOtherInput() {
    AwsException refused = catchThrowableOfType(() -> ExecutionOps.acceptedStart(ARN, INPUT,
        Optional.of(running(JsonNodeFactory.instance.objectNode().put("n", 2)))), AwsException.class);

    assertThat(refused.errorName()).isEqualTo("ExecutionAlreadyExists");
    assertThat(refused.httpStatus()).isEqualTo(400);
  }
}
