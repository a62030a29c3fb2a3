package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.Pages;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import java.util.List;
import java.util.Map;

/** GetExecutionHistory, paged by event id (the token names the next id to return). */
public final class HistoryOps {
  private final Backend backend;
  private final ExecutionOps executions;

  public HistoryOps(Backend backend, ExecutionOps executions) {
    this.backend = backend;
    this.executions = executions;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("GetExecutionHistory", this::history);
  }

  private JsonNode history(RequestFields request) {
    ExecutionSummary execution = executions.execution(request.requiredText("executionArn"));
    int size = request.maxResults(100);
    boolean reverse = request.flag("reverseOrder", false);
    boolean includeData = request.flag("includeExecutionData", true);
    String tag = "GetExecutionHistory|" + execution.executionArn() + "|" + reverse;
    long cursor = request.optionalText("nextToken").map(t -> Pages.decode(t, tag)).orElse(reverse ? Long.MAX_VALUE : 1L);
    List<HistoryEvent> events = reverse
        ? backend.executions().history(execution.executionArn(), 1, cursor, true, size + 1)
        : backend.executions().history(execution.executionArn(), cursor, Long.MAX_VALUE, false, size + 1);
    ObjectNode out = AwsJson.object();
    ArrayNode items = out.putArray("events");
    events.stream().limit(size).forEach(e -> items.add(Shapes.historyEvent(e, includeData)));
    if (events.size() > size) {
      out.put("nextToken", Pages.token(tag, events.get(size).id()));
    }
    return out;
  }
}
