package dev.stepstream.server.api.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.LoggingConfiguration;
import dev.stepstream.wire.StateMachineRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/executions/<ARN>/logs}: the execution's log events and its workers' output. The
 * log events are derived from the execution's history (already stored and queryable per execution,
 * unlike the logs topic) with the same shape and level filter the processor uses for the logs topic,
 * under the state machine's current {@code loggingConfiguration}. Worker output is listed for every
 * task outcome event that carries some, whatever the level, with the state the task belongs to.
 */
final class ExecutionLogsQuery {
  static final int PAGE = 1000;

  private final Backend backend;

  ExecutionLogsQuery(Backend backend) {
    this.backend = backend;
  }

  ObjectNode of(String executionArn) {
    Arns.requireExecution(executionArn);
    ExecutionSummary execution = backend.executions().find(executionArn)
        .orElseThrow(() -> AwsErrors.executionDoesNotExist(executionArn));
    LoggingConfiguration logging = backend.definitions()
        .find(execution.stateMachineArn(), StateMachineRecord.KIND_STATE_MACHINE)
        .map(StateMachineRecord::logging).orElse(LoggingConfiguration.OFF);
    ObjectNode out = AwsJson.object();
    out.put("level", logging.level());
    out.put("includeExecutionData", logging.includeExecutionData());
    ArrayNode events = out.putArray("events");
    ArrayNode workerOutput = out.putArray("workerOutput");
    Map<Long, HistoryEvent> byId = new HashMap<>();
    int redriveCount = 0;
    for (HistoryEvent event : history(backend, executionArn)) {
      byId.put(event.id(), event);
      if (event.eventType().equals("ExecutionRedriven")) {
        redriveCount++;
      }
      if (logging.logs(event.eventType())) {
        events.add(dev.stepstream.wire.ExecutionLogs.event(event, redriveCount, logging.includeExecutionData()));
      }
      if (event.workerOutput() != null) {
        ObjectNode item = workerOutput.addObject();
        item.put("eventId", event.id());
        item.put("type", event.eventType());
        String state = stateOf(event, byId);
        if (state != null) {
          item.put("stateName", state);
        }
        item.set("timestamp", AwsJson.timestamp(event.timestamp()));
        ArrayNode lines = item.putArray("lines");
        event.workerOutput().forEach(lines::add);
      }
    }
    return out;
  }

  /** Every history event of an execution, read in pages. */
  static List<HistoryEvent> history(Backend backend, String executionArn) {
    List<HistoryEvent> all = new ArrayList<>();
    long from = 1;
    while (true) {
      List<HistoryEvent> page = backend.executions().history(executionArn, from, Long.MAX_VALUE, false, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
      from = page.get(page.size() - 1).id() + 1;
    }
  }

  /** The state a task event belongs to: back along previousEventId to the state's Entered event. */
  private static String stateOf(HistoryEvent event, Map<Long, HistoryEvent> byId) {
    HistoryEvent at = event;
    for (int hops = 0; at != null && hops < 10_000; hops++) {
      if (at.eventType().endsWith("StateEntered") && at.details() != null && at.details().hasNonNull("name")) {
        return at.details().get("name").asText();
      }
      at = byId.get(at.previousEventId());
    }
    return null;
  }
}
