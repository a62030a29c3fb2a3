package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The latest view of one execution on the compacted executions topic.
 *
 * @param status in JSON its name: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE
 * @param startDate epoch milliseconds
 * @param stopDate epoch milliseconds, or null while running
 * @param stateMachineAliasArn the alias the execution was started through, or null
 * @param redriveDate epoch milliseconds of the last redrive, or null when never redriven
 * @param revisionId the state machine revision the execution runs on, or null when unknown
 * @param traceHeader the execution's trace header (DescribeExecution's {@code traceHeader}), or null
 * @param mapRunArn the Map Run that started this execution (a Distributed Map's child), or null
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
    Long redriveDate,
    String revisionId,
    String traceHeader,
    String mapRunArn) implements WireRecord {

  public ExecutionSummary {
    Require.version(version, "ExecutionSummary");
    Require.text(executionArn, "ExecutionSummary", "executionArn");
    Require.text(stateMachineArn, "ExecutionSummary", "stateMachineArn");
    Require.text(name, "ExecutionSummary", "name");
    Require.present(status, "ExecutionSummary", "status");
  }

  /** A summary of an execution that no Map Run started. */
  public ExecutionSummary(int version, String executionArn, String stateMachineArn, String name,
      ExecutionStatus status, long startDate, Long stopDate, JsonNode input, JsonNode output, String error,
      String cause, int redriveCount, String stateMachineAliasArn, Long redriveDate, String revisionId,
      String traceHeader) {
    this(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause,
        redriveCount, stateMachineAliasArn, redriveDate, revisionId, traceHeader, null);
  }

  /** A summary without redrive date, revision and trace header. */
  public ExecutionSummary(int version, String executionArn, String stateMachineArn, String name,
      ExecutionStatus status, long startDate, Long stopDate, JsonNode input, JsonNode output, String error,
      String cause, int redriveCount, String stateMachineAliasArn) {
    this(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause,
        redriveCount, stateMachineAliasArn, null, null, null);
  }

  /** A summary with a redrive date and revision, without a trace header. */
  public ExecutionSummary(int version, String executionArn, String stateMachineArn, String name,
      ExecutionStatus status, long startDate, Long stopDate, JsonNode input, JsonNode output, String error,
      String cause, int redriveCount, String stateMachineAliasArn, Long redriveDate, String revisionId) {
    this(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause,
        redriveCount, stateMachineAliasArn, redriveDate, revisionId, null);
  }

  /** This summary with the execution's trace header. */
  public ExecutionSummary withTraceHeader(String header) {
    return new ExecutionSummary(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output,
        error, cause, redriveCount, stateMachineAliasArn, redriveDate, revisionId, header, mapRunArn);
  }

  /** A summary of an execution not started through an alias. */
  public ExecutionSummary(int version, String executionArn, String stateMachineArn, String name,
      ExecutionStatus status, long startDate, Long stopDate, JsonNode input, JsonNode output, String error,
      String cause, int redriveCount) {
    this(version, executionArn, stateMachineArn, name, status, startDate, stopDate, input, output, error, cause,
        redriveCount, null);
  }
}
