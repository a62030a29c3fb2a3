package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The latest view of one execution on the compacted executions topic.
 *
 * @param status in JSON its name: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE
 * @param startDate epoch milliseconds
 * @param stopDate epoch milliseconds, or null while running
 * @param stateMachineAliasArn the alias the execution was started through, or null
 * @param traceHeader the execution's trace header (DescribeExecution's {@code traceHeader}), or null
 */
public record ExecutionSummary(
    int version,
    String executionArn,
    String stateMachineArn,
    String name,
    ExecutionStatus status,
    long startDate,
    Long stopDate,
    JsonNode input,
    JsonNode output,
    String error,
    String cause,
    int redriveCount,
    String stateMachineAliasArn,
    String traceHeader) implements WireRecord {

  public ExecutionSummary {
    Require.version(version, "ExecutionSummary");
    Require.text(executionArn, "ExecutionSummary", "executionArn");
    Require.text(stateMachineArn, "ExecutionSummary", "stateMachineArn");
    Require.text(name, "ExecutionSummary", "name");
    Require.present(status, "ExecutionSummary", "status");
  }

  /** A summary without a trace header. */
  public ExecutionSummary(int version, String executionArn, String stateMachineArn, String name,
      ExecutionStatus status, long startDate, Long stopDate, JsonNode input, JsonNode output, String error,
      String cause, int redriveCount, String stateMachineAliasArn) {
    this(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause,
        redriveCount, stateMachineAliasArn, null);
  }

  /** This summary with the execution's trace header. */
  public ExecutionSummary withTraceHeader(String header) {
    return new ExecutionSummary(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output,
        error, cause, redriveCount, stateMachineAliasArn, header);
  }

  /** A summary of an execution not started through an alias. */
  public ExecutionSummary(int version, String executionArn, String stateMachineArn, String name,
      ExecutionStatus status, long startDate, Long stopDate, JsonNode input, JsonNode output, String error,
      String cause, int redriveCount) {
    this(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause,
        redriveCount, null);
  }
}
