package dev.stepstream.server.api.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.server.api.aws.Pages;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Executions;
import dev.stepstream.server.api.ops.Shapes;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Console reads that have no AWS operation: executions across every state machine (newest first,
 * filtered by status and name prefix, paged with an opaque {@code nextToken}) and execution counts
 * by state machine and status.
 */
public final class ConsoleQueries {
  static final Set<String> STATUSES =
      Arrays.stream(ExecutionStatus.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
  static final int DEFAULT_PAGE = 50;

  private final Supplier<List<ExecutionSummary>> executions;

  public ConsoleQueries(Executions executions) {
    this(executions::all);
  }

  /** @param executions every known execution, newest first */
  ConsoleQueries(Supplier<List<ExecutionSummary>> executions) {
    this.executions = executions;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/executions", ctx -> respond(ctx, () -> list(ctx.queryParam("status"),
        ctx.queryParam("namePrefix"), ctx.queryParam("nextToken"), ctx.queryParam("maxResults"))));
    routes.get("/api/execution-counts", ctx -> respond(ctx, this::counts));
  }

  /** GET /api/executions: {@code {"executions": [...], "nextToken"?}}, AWS list-item shape. */
  ObjectNode list(String status, String namePrefix, String nextToken, String maxResults) {
    if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
      throw AwsErrors.constraint("status", status,
          "Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE]");
    }
    String wanted = status == null || status.isEmpty() ? null : status;
    String prefix = namePrefix == null ? "" : namePrefix;
    List<ExecutionSummary> matching = executions.get().stream()
        .filter(s -> wanted == null || s.status().name().equals(wanted))
        .filter(s -> s.name().startsWith(prefix))
        .toList();
    ObjectNode request = AwsJson.object();
    if (nextToken != null && !nextToken.isEmpty()) {
      request.put("nextToken", nextToken);
    }
    if (maxResults != null && !maxResults.isEmpty()) {
      try {
        request.put("maxResults", Integer.parseInt(maxResults));
      } catch (NumberFormatException e) {
        throw AwsErrors.constraint("maxResults", maxResults, "Member must be a number");
      }
    }
    ObjectNode out = AwsJson.object();
    Pages.page(new RequestFields(request), "Console|" + wanted + "|" + prefix, matching, DEFAULT_PAGE, out,
        "executions", Shapes::executionListItem);
    return out;
  }

  /** GET /api/execution-counts: {@code {"counts": {"<state machine ARN>": {"RUNNING": 2, ...}}}}. */
  ObjectNode counts() {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (ExecutionSummary s : executions.get()) {
      counts.computeIfAbsent(Arns.unqualified(s.stateMachineArn()), k -> new TreeMap<>())
          .merge(s.status().name(), 1, Integer::sum);
    }
    ObjectNode out = AwsJson.object();
    ObjectNode byMachine = out.putObject("counts");
    counts.forEach((arn, byStatus) -> {
      ObjectNode node = byMachine.putObject(arn);
      byStatus.forEach(node::put);
    });
    return out;
  }

  private static void respond(Context ctx, Supplier<ObjectNode> body) {
    try {
      ctx.status(200).contentType("application/json").result(AwsJson.bytes(body.get()));
    } catch (RuntimeException e) {
      ErrorTable.ErrorResponse error = ErrorTable.map(e);
      ctx.status(error.status()).contentType("application/json").result(AwsJson.bytes(error.body()));
    }
  }
}
