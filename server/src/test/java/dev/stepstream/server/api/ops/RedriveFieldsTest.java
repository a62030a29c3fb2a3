package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import org.junit.jupiter.api.Test;

/**
 * DescribeExecution / ListExecutions redrive members. The reason texts are AWS's, from the
 * DescribeExecution API reference (redriveStatusReason): "Execution is RUNNING and cannot be
 * redriven", "Execution is SUCCEEDED and cannot be redriven", "Execution has exceeded the max
 * execution time", "Execution redrivable period exceeded".
 */
class RedriveFieldsTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:run-1";
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:M";
  private static final long DAY = 24L * 60 * 60 * 1000;
  private static final long START = 1_764_547_200_000L;

  private static ExecutionSummary summary(ExecutionStatus status, Long stopDate, int redriveCount, Long redriveDate) {
    return new ExecutionSummary(1, ARN, MACHINE, "run-1", status, START, stopDate, JsonNodeFactory.instance.objectNode(),
        null, null, null, redriveCount, null, redriveDate, "r1");
  }

  @Test
  void shouldGiveAwsReasonWhenASucceededOrRunningExecutionIsNotRedrivable() {
    ObjectNode succeeded = Shapes.execution(summary(ExecutionStatus.SUCCEEDED, START + 10, 0, null), START + 20);
    ObjectNode running = Shapes.execution(summary(ExecutionStatus.RUNNING, null, 0, null), START + 20);

    assertThat(succeeded.path("redriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
    assertThat(succeeded.path("redriveStatusReason").asText()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
    assertThat(running.path("redriveStatusReason").asText()).isEqualTo("Execution is RUNNING and cannot be redriven");
  }

  @Test
  void shouldGiveAwsReasonWhenTheRedrivePeriodOrMaxExecutionTimeHasPassed() {
    ExecutionSummary failed = summary(ExecutionStatus.FAILED, START + DAY, 0, null);

    assertThat(Shapes.execution(failed, START + 14 * DAY).path("redriveStatus").asText()).isEqualTo("REDRIVABLE");
    assertThat(Shapes.execution(failed, START + 14 * DAY).has("redriveStatusReason")).isFalse();
    assertThat(Shapes.execution(failed, START + 16 * DAY).path("redriveStatusReason").asText())
        .isEqualTo("Execution redrivable period exceeded");
    assertThat(Shapes.execution(summary(ExecutionStatus.FAILED, START + 360 * DAY, 0, null), START + 366 * DAY)
        .path("redriveStatusReason").asText()).isEqualTo("Execution has exceeded the max execution time");
  }

  @Test
  void shouldCarryTheRedriveDateInDescribeAndListItemsOnlyOnceRedriven() {
    ExecutionSummary redriven = summary(ExecutionStatus.RUNNING, null, 1, START + 5_000);

    assertThat(Shapes.executionListItem(redriven).path("redriveDate").asDouble()).isEqualTo((START + 5_000) / 1000.0);
    assertThat(Shapes.execution(redriven, START + 6_000).path("redriveDate").asDouble()).isEqualTo((START + 5_000) / 1000.0);
    assertThat(Shapes.executionListItem(summary(ExecutionStatus.FAILED, START + 1, 0, null)).has("redriveDate")).isFalse();
  }

  @Test
  void shouldFilterListedExecutionsByWhetherTheyWereRedriven() {
    ExecutionSummary redriven = summary(ExecutionStatus.RUNNING, null, 2, START + 5_000);
    ExecutionSummary never = summary(ExecutionStatus.FAILED, START + 1, 0, null);

    assertThat(RedriveStatus.matches("REDRIVEN", redriven)).isTrue();
    assertThat(RedriveStatus.matches("REDRIVEN", never)).isFalse();
    assertThat(RedriveStatus.matches("NOT_REDRIVEN", never)).isTrue();
    assertThat(RedriveStatus.matches("NOT_REDRIVEN", redriven)).isFalse();
    assertThat(RedriveStatus.matches(null, redriven)).isTrue();
  }
}
