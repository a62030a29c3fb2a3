package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What StartExecution answers once its start is in Kafka, depending on what the processor showed by then. */
class StartVisibilityTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:run-1";
  private static final JsonNode INPUT = JsonNodeFactory.instance.objectNode().put("n", 1);

  @Test
  void shouldAnswerARetryableServiceUnavailableWhenTheStartIsNotVisibleInTime() {
    assertThatThrownBy(() -> ExecutionOps.startedOrUnavailable(ARN, Optional.empty(), INPUT))
        .isInstanceOfSatisfying(AwsException.class, e -> {
          ErrorTable.ErrorResponse answer = ErrorTable.map(e);
          assertThat(answer.status()).isEqualTo(503);
          assertThat(answer.errorName()).isEqualTo("ServiceUnavailable");
          assertThat(answer.message()).contains(ARN).contains("retry the request with the same name and input");
        });
  }

  @Test
  void shouldAnswerTheExecutionWhenItShowedUpWithTheSameInput() {
    ExecutionSummary running = summary(INPUT);

    assertThat(ExecutionOps.startedOrUnavailable(ARN, Optional.of(running), INPUT)).isSameAs(running);
  }

  @Test
  void shouldAnswerExecutionAlreadyExistsWhenAnotherInputHadTheName() {
    ExecutionSummary other = summary(JsonNodeFactory.instance.objectNode().put("n", 2));

    assertThatThrownBy(() -> ExecutionOps.startedOrUnavailable(ARN, Optional.of(other), INPUT))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.errorName()).isEqualTo("ExecutionAlreadyExists"));
  }

  private static ExecutionSummary summary(JsonNode input) {
    return new ExecutionSummary(1, ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:M", "run-1",
        ExecutionStatus.RUNNING, 1L, null, input, null, null, null, 0, null);
  }
}
