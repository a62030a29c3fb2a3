package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.Pages;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.ExecutionSummary;
import java.util.List;
import java.util.Map;

/**
 * DescribeMapRun and ListMapRuns, read from the parent execution's history ({@link MapRuns}). A Map
 * Run ARN does not name its execution, so DescribeMapRun looks through the histories of the
 * executions of the state machine it names.
 */
public final class MapRunOps {
  private static final List<String> COUNTS = List.of("pending", "running", "succeeded", "failed", "timedOut",
      "aborted", "total", "resultsWritten", "failuresNotRedrivable", "pendingRedrive");

  private final Backend backend;
  private final ExecutionOps executions;

  public MapRunOps(Backend backend, ExecutionOps executions) {
    this.backend = backend;
    this.executions = executions;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("DescribeMapRun", this::describe);
    ops.put("ListMapRuns", this::list);
  }

  private JsonNode list(RequestFields request) {
    ExecutionSummary execution = executions.execution(request.requiredText("executionArn"));
    List<MapRuns.MapRun> runs = runsOf(execution);
    ObjectNode out = AwsJson.object();
    Pages.page(request, "ListMapRuns|" + execution.executionArn(), runs, 100, out, "mapRuns", MapRunOps::listItem);
    return out;
  }

  private JsonNode describe(RequestFields request) {
    String arn = request.requiredText("mapRunArn");
    String machine = MapRuns.stateMachineOf(arn).orElseThrow(() -> AwsErrors.invalidArn(arn));
    for (ExecutionSummary execution : backend.executions().of(machine)) {
      for (MapRuns.MapRun run : runsOf(execution)) {
        if (run.mapRunArn().equals(arn)) {
          String definition = backend.definitions().revision(execution.stateMachineArn(), execution.revisionId())
              .map(m -> m.definition()).orElse(null);
          return description(run, MapRunLimits.of(definition, run.stateName()));
        }
      }
    }
    throw AwsErrors.resourceNotFound(arn);
  }

  private List<MapRuns.MapRun> runsOf(ExecutionSummary execution) {
    return MapRuns.of(execution,
        backend.executions().history(execution.executionArn(), 1, Long.MAX_VALUE, false, Integer.MAX_VALUE));
  }

  static ObjectNode listItem(MapRuns.MapRun run) {
    ObjectNode item = AwsJson.object();
    item.put("executionArn", run.executionArn());
    item.put("mapRunArn", run.mapRunArn());
    item.put("stateMachineArn", MapRuns.childStateMachine(run.mapRunArn()));
    item.set("startDate", AwsJson.timestamp(run.startDate()));
    if (run.stopDate() != null) {
      item.set("stopDate", AwsJson.timestamp(run.stopDate()));
    }
    return item;
  }

  /**
   * AWS's DescribeMapRun shape. The items run inside the parent execution and their progress is not
   * recorded in its history, so the item and execution counts are reported as 0.
   */
  static ObjectNode description(MapRuns.MapRun run, MapRunLimits limits) {
    ObjectNode out = AwsJson.object();
    out.put("mapRunArn", run.mapRunArn());
    out.put("executionArn", run.executionArn());
    out.put("status", run.status());
    out.set("startDate", AwsJson.timestamp(run.startDate()));
    if (run.stopDate() != null) {
      out.set("stopDate", AwsJson.timestamp(run.stopDate()));
    }
    out.put("maxConcurrency", limits.maxConcurrency());
    out.put("toleratedFailurePercentage", limits.toleratedFailurePercentage());
    out.put("toleratedFailureCount", limits.toleratedFailureCount());
    ObjectNode items = out.putObject("itemCounts");
    ObjectNode children = out.putObject("executionCounts");
    COUNTS.forEach(name -> {
      items.put(name, 0);
      children.put(name, 0);
    });
    out.put("redriveCount", 0);
    return out;
  }
}
