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
import dev.stepstream.wire.UpdateMapRun;
import dev.stepstream.wire.WireVersions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * UpdateMapRun (a command to the execution), DescribeMapRun and ListMapRuns, read from the parent execution's history ({@link MapRuns}). A Map
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
    ops.put("UpdateMapRun", Operation.async(this::update));
  }

  /**
   * UpdateMapRun: the new limits go to the execution as a command on the commands topic, which the
   * engine applies to the running Map frame (a Map Run that is no longer running ignores it).
   */
  private CompletableFuture<JsonNode> update(RequestFields request) {
    String arn = request.requiredText("mapRunArn");
    Integer maxConcurrency = whole(request, "maxConcurrency", 0, Integer.MAX_VALUE, "Member must have value greater than or equal to 0")
        .map(Long::intValue).orElse(null);
    Long toleratedFailureCount = whole(request, "toleratedFailureCount", 0, Long.MAX_VALUE,
        "Member must have value greater than or equal to 0").orElse(null);
    Double toleratedFailurePercentage = percentage(request).orElse(null);
    Found found = find(arn);
    if (!"RUNNING".equals(found.run().status())) {
      throw AwsErrors.validation("Map Run is not running: '" + arn + "'");
    }
    return backend.publisher().sendAsync(new UpdateMapRun(WireVersions.CURRENT, found.execution().executionArn(), arn,
        maxConcurrency, toleratedFailureCount, toleratedFailurePercentage, backend.now()))
        .thenApply(acked -> (JsonNode) AwsJson.object());
  }

  private static Optional<Long> whole(RequestFields request, String member, long min, long max, String constraint) {
    JsonNode value = request.body().get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw AwsErrors.constraint(member, value.asText(), constraint);
    }
    return Optional.of(value.asLong());
  }

  private static Optional<Double> percentage(RequestFields request) {
    JsonNode value = request.body().get("toleratedFailurePercentage");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 100) {
      throw AwsErrors.constraint("toleratedFailurePercentage", value.asText(),
          "Member must have value less than or equal to 100 and greater than or equal to 0");
    }
    return Optional.of(value.asDouble());
  }

  private record Found(ExecutionSummary execution, MapRuns.MapRun run) {}

  /** The Map Run and its execution, among the executions of the state machine its ARN names. */
  private Found find(String arn) {
    String machine = MapRuns.stateMachineOf(arn).orElseThrow(() -> AwsErrors.invalidArn(arn));
    for (ExecutionSummary execution : backend.executions().of(machine)) {
      for (MapRuns.MapRun run : runsOf(execution)) {
        if (run.mapRunArn().equals(arn)) {
          return new Found(execution, run);
        }
      }
    }
    throw AwsErrors.resourceNotFound(arn);
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
    Found found = find(arn);
    ExecutionSummary execution = found.execution();
    String definition = backend.definitions().revision(execution.stateMachineArn(), execution.revisionId())
        .map(m -> m.definition()).orElse(null);
    JsonNode counts = backend.executions().mapRunCounts(execution.executionArn(), arn).orElse(null);
    return description(found.run(), MapRunLimits.of(definition, found.run().stateName()), counts);
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
    // The limits in force (after UpdateMapRun) when the state holds them, else the definition's.
    JsonNode inForce = counts == null ? null : counts.get("limits");
    out.put("maxConcurrency", inForce == null ? limits.maxConcurrency() : inForce.path("maxConcurrency").asInt());
    out.put("toleratedFailurePercentage", inForce == null ? limits.toleratedFailurePercentage()
        : Math.max(0, inForce.path("toleratedFailurePercentage").asDouble()));
    out.put("toleratedFailureCount", inForce == null ? limits.toleratedFailureCount()
        : Math.max(0, inForce.path("toleratedFailureCount").asLong()));
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
