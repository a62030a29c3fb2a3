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
          JsonNode counts = backend.executions().mapRunCounts(execution.executionArn(), arn).orElse(null);
          return description(run, MapRunLimits.of(definition, run.stateName()), counts);
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

  static ObjectNode description(MapRuns.MapRun run, MapRunLimits limits) {
    return description(run, limits, null);
  }

  /**
   * AWS's DescribeMapRun shape. The item and execution counts come from the execution's state
   * ({@code counts}: live while the Map runs, final once it ended); each count is 0 when unknown (a
   * Map Run started before the counters existed, or an execution whose state is gone). Children
   * still counted as running when the Map Run is no longer RUNNING were aborted.
   */
  static ObjectNode description(MapRuns.MapRun run, MapRunLimits limits, JsonNode counts) {
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
    boolean ended = !"RUNNING".equals(run.status());
    out.set("itemCounts", counts(counts == null ? null : counts.get("itemCounts"), ended));
    out.set("executionCounts", counts(counts == null ? null : counts.get("executionCounts"), ended));
    out.put("redriveCount", 0);
    return out;
  }

  private static ObjectNode counts(JsonNode known, boolean ended) {
    ObjectNode out = AwsJson.object();
    COUNTS.forEach(name -> out.put(name, known == null ? 0 : known.path(name).asLong(0)));
    if (ended && out.get("running").asLong() > 0) {
      out.put("aborted", out.get("aborted").asLong() + out.get("running").asLong());
      out.put("running", 0);
    }
    return out;
  }
}
