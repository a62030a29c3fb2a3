package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Starts an execution. The processor resolves {@code stateMachineArn} in its definitions store.
 *
 * @param input the execution input (any JSON value)
 * @param requestedAt epoch milliseconds when the API accepted the request (becomes StartDate)
 * @param stateMachineAliasArn the alias the execution was started through (null otherwise); the API
 *     resolves the alias, so {@code stateMachineArn} is then the version the alias chose
 * @param traceHeader the execution's trace header as DescribeExecution returns it: StartExecution's
 *     {@code traceHeader} as given, or an X-Ray header of a trace the API generated (null in records
 *     written before tracing existed); see {@link TraceContext}
 * @param parent the parent execution's Task when a {@code states:startExecution} Task started this
 *     execution (null otherwise)
 */
public record StartExecution(
    int version,
    String executionArn,
    String stateMachineArn,
    String name,
    JsonNode input,
    long requestedAt,
    String stateMachineAliasArn,
    String traceHeader,
    ParentExecution parent) implements Command {

  public StartExecution {
    Require.version(version, "StartExecution");
    Require.text(executionArn, "StartExecution", "executionArn");
    Require.text(stateMachineArn, "StartExecution", "stateMachineArn");
    Require.text(name, "StartExecution", "name");
    Require.present(input, "StartExecution", "input");
  }

  /** A start that no parent Task made. */
  public StartExecution(int version, String executionArn, String stateMachineArn, String name, JsonNode input,
      long requestedAt, String stateMachineAliasArn, String traceHeader) {
    this(version, executionArn, stateMachineArn, name, input, requestedAt, stateMachineAliasArn, traceHeader, null);
  }

  /** A start without a trace header. */
  public StartExecution(int version, String executionArn, String stateMachineArn, String name, JsonNode input,
      long requestedAt, String stateMachineAliasArn) {
    this(version, executionArn, stateMachineArn, name, input, requestedAt, stateMachineAliasArn, null);
  }

  /** A start that names no alias. */
  public StartExecution(int version, String executionArn, String stateMachineArn, String name, JsonNode input,
      long requestedAt) {
    this(version, executionArn, stateMachineArn, name, input, requestedAt, null);
  }
}
