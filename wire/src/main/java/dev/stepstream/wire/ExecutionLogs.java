package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Execution log events in the shape AWS Step Functions writes to CloudWatch Logs: {@code id},
 * {@code type}, {@code details}, {@code previous_event_id}, {@code event_timestamp} (epoch
 * milliseconds), {@code execution_arn} and {@code redrive_count}, the numbers as JSON strings as
 * AWS writes them. Which event types a level logs follows AWS's log level table.
 */
public final class ExecutionLogs {
  /** The types logged at ERROR: failures, aborts and timeouts of executions, states, tasks and iterations. */
  static final Set<String> ERROR_TYPES = Set.of(
      "ExecutionAborted", "ExecutionFailed", "ExecutionTimedOut", "FailStateEntered",
      "LambdaFunctionFailed", "LambdaFunctionScheduleFailed", "LambdaFunctionStartFailed", "LambdaFunctionTimedOut",
      "ActivityFailed", "ActivityScheduleFailed", "ActivityTimedOut",
      "MapIterationAborted", "MapIterationFailed", "MapStateAborted", "MapStateFailed", "MapRunAborted", "MapRunFailed",
      "ParallelStateAborted", "ParallelStateFailed",
      "TaskFailed", "TaskStartFailed", "TaskStateAborted", "TaskSubmitFailed", "TaskTimedOut", "WaitStateAborted",
      "EvaluationFailed");
  /** The types logged at FATAL: the execution itself ended badly. */
  static final Set<String> FATAL_TYPES = Set.of("ExecutionAborted", "ExecutionFailed", "ExecutionTimedOut");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ExecutionLogs() {}

  /** Whether {@code level} ({@code ALL}, {@code ERROR}, {@code FATAL}, {@code OFF}) logs {@code eventType}. */
  public static boolean logged(String level, String eventType) {
    return switch (level) {
      case "ALL" -> true;
      case "ERROR" -> ERROR_TYPES.contains(eventType);
      case "FATAL" -> FATAL_TYPES.contains(eventType);
      default -> false;
    };
  }

  /**
   * The log event of one history event.
   *
   * @param redriveCount the execution's redrive count when the event happened
   * @param includeExecutionData false drops {@code input}, {@code output} and their details objects
   */
  public static ObjectNode event(HistoryEvent e, int redriveCount, boolean includeExecutionData) {
    ObjectNode log = JSON.objectNode();
    log.put("id", Long.toString(e.id()));
    log.put("type", e.eventType());
    if (e.details() != null && e.details().isObject()) {
      log.set("details", details((ObjectNode) e.details(), includeExecutionData));
    }
    log.put("previous_event_id", Long.toString(e.previousEventId()));
    log.put("event_timestamp", Long.toString(e.timestamp()));
    log.put("execution_arn", e.executionArn());
    log.put("redrive_count", Integer.toString(redriveCount));
    return log;
  }

  private static JsonNode details(ObjectNode details, boolean includeExecutionData) {
    if (includeExecutionData) {
      return details;
    }
    ObjectNode copy = details.deepCopy();
    copy.remove(java.util.List.of("input", "inputDetails", "output", "outputDetails"));
    return copy;
  }
}
