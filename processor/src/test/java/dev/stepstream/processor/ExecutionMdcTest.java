package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.StartExecution;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ExecutionMdcTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:run-1";

  @Test
  void shouldNameTheExecutionWhileOpenAndForgetItWhenClosed() {
    StartExecution start = new StartExecution(1, ARN, "arn:aws:states:us-east-1:123456789012:stateMachine:M", "run-1",
        JsonNodeFactory.instance.objectNode(), 1L);

    try (ExecutionMdc mdc = ExecutionMdc.open(ARN, null, start)) {
      MDC.put(ExecutionMdc.TRACE_ID, "5759e988bd862e3fe1be46a994272793");
      assertThat(MDC.get(ExecutionMdc.EXECUTION_ARN)).isEqualTo(ARN);
      assertThat(MDC.get(ExecutionMdc.STATE_NAME)).as("no state before the start is applied").isNull();
    }

    assertThat(MDC.get(ExecutionMdc.EXECUTION_ARN)).isNull();
    assertThat(MDC.get(ExecutionMdc.TRACE_ID)).isNull();
  }
}
