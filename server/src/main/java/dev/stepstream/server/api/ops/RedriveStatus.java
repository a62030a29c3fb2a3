package dev.stepstream.server.api.ops;

import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import java.util.Optional;

/**
 * DescribeExecution's {@code redriveStatus} and {@code redriveStatusReason}. The reasons are AWS's
 * texts (DescribeExecution API reference, redriveStatusReason): "Execution is RUNNING and cannot be
 * redriven", "Execution is SUCCEEDED and cannot be redriven", "Execution has exceeded the max
 * execution time", "Execution redrivable period exceeded". The engine refuses a redrive with the same
 * texts (and also with "Execution history event limit exceeded" and "Execution was started before the
 * launch of RedriveExecution", which a summary cannot tell).
 */
final class RedriveStatus {
  /** AWS: executions can be redriven within 14 days after they stopped. */
  private static final long REDRIVABLE_PERIOD_MILLIS = 14L * 24 * 60 * 60 * 1000;
  /** AWS: an execution may stay open for at most one year. */
  private static final long MAX_EXECUTION_MILLIS = 365L * 24 * 60 * 60 * 1000;

  static final String REDRIVABLE = "REDRIVABLE";
  static final String NOT_REDRIVABLE = "NOT_REDRIVABLE";

  private RedriveStatus() {}

  /** Why the execution cannot be redriven now, or empty when it can. */
  static Optional<String> notRedrivableReason(ExecutionSummary s, long nowMillis) {
    if (s.status() == ExecutionStatus.RUNNING || s.status() == ExecutionStatus.PENDING_REDRIVE) {
      return Optional.of("Execution is RUNNING and cannot be redriven");
    }
    if (s.status() == ExecutionStatus.SUCCEEDED) {
      return Optional.of("Execution is SUCCEEDED and cannot be redriven");
    }
    if (nowMillis - s.startDate() > MAX_EXECUTION_MILLIS) {
      return Optional.of("Execution has exceeded the max execution time");
    }
    if (s.stopDate() != null && nowMillis - s.stopDate() > REDRIVABLE_PERIOD_MILLIS) {
      return Optional.of("Execution redrivable period exceeded");
    }
    return Optional.empty();
  }

  /** ListExecutions' redriveFilter: REDRIVEN (redriven at least once) or NOT_REDRIVEN. */
  static boolean matches(String redriveFilter, ExecutionSummary s) {
    return redriveFilter == null || ("REDRIVEN".equals(redriveFilter) == (s.redriveCount() > 0));
  }
}
