package dev.stepstream.server.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.AwsJsonEndpoint;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.TopicCatalogue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * REST under {@code /api/} for the console and curl users. Each route runs the matching AWS
 * operation, so the JSON (members, epoch-second timestamps) and the errors are the AWS API's;
 * "does not exist" errors answer 404 here.
 */
public final class RestRoutes {
  private final AwsJsonEndpoint aws;
  private final EventStream events;
  private final ExecutionLogsQuery logs;
  private final WaitingTasksQuery waiting;

  public RestRoutes(Backend backend, AwsJsonEndpoint aws, TopicCatalogue topics, TaskReaders readers) {
    this.aws = aws;
    this.events = new EventStream(backend);
    this.logs = new ExecutionLogsQuery(backend);
    this.waiting = new WaitingTasksQuery(backend, topics, readers);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/state-machines", ctx -> call(ctx, "ListStateMachines", c -> AwsJson.object().put("maxResults", 1000)));
    routes.get("/api/state-machines/{arn}", ctx -> call(ctx, "DescribeStateMachine",
        c -> AwsJson.object().put("stateMachineArn", c.pathParam("arn"))));
    routes.get("/api/state-machines/{arn}/executions", ctx -> call(ctx, "ListExecutions", c -> {
      ObjectNode body = AwsJson.object().put("stateMachineArn", c.pathParam("arn")).put("maxResults", 1000);
      if (c.queryParam("status") != null && !c.queryParam("status").isEmpty()) {
        body.put("statusFilter", c.queryParam("status"));
      }
      String max = c.queryParam("maxResults");
      if (max != null) {
        body.set("maxResults", max.matches("\\d{1,9}") ? IntNode.valueOf(Integer.parseInt(max)) : TextNode.valueOf(max));
      }
      if (c.queryParam("nextToken") != null && !c.queryParam("nextToken").isEmpty()) {
        body.put("nextToken", c.queryParam("nextToken"));
      }
      return body;
    }));
    routes.post("/api/state-machines/{arn}/executions", ctx -> call(ctx, "StartExecution", RestRoutes::startBody));
    routes.get("/api/executions/{arn}", ctx -> call(ctx, "DescribeExecution",
        c -> AwsJson.object().put("executionArn", c.pathParam("arn"))));
    routes.get("/api/executions/{arn}/history", this::history);
    routes.sse("/api/executions/{arn}/events", events::stream);
    routes.get("/api/executions/{arn}/logs", ctx -> call(ctx, "ExecutionLogs", c -> logs.of(c.pathParam("arn")), true));
    routes.get("/api/executions/{arn}/waiting", ctx -> call(ctx, "ExecutionWaiting",
        c -> waiting.of(c.pathParam("arn")), true));
  }

  private static ObjectNode startBody(Context ctx) {
    String text = new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
    JsonNode request = text.isBlank() ? AwsJson.object()
        : AwsJson.parse(text).orElseThrow(() -> new AwsException("SerializationException", "The body is not JSON"));
    ObjectNode body = AwsJson.object().put("stateMachineArn", ctx.pathParam("arn"));
    if (request.hasNonNull("name")) {
      body.put("name", request.get("name").asText());
    }
    if (request.has("input")) {
      body.put("input", AwsJson.write(request.get("input")));
    }
    return body;
  }

  private void history(Context ctx) {
    call(ctx, "GetExecutionHistory", c -> {
      ObjectNode all = AwsJson.object();
      ArrayNode events = all.putArray("events");
      ObjectNode request = AwsJson.object().put("executionArn", c.pathParam("arn")).put("maxResults", 1000);
      while (true) {
        JsonNode page = aws.invoke("GetExecutionHistory", request);
        events.addAll((ArrayNode) page.path("events"));
        if (!page.hasNonNull("nextToken")) {
          return all;
        }
        request.put("nextToken", page.get("nextToken").asText());
      }
    }, true);
  }

  private void call(Context ctx, String operation, Function<Context, JsonNode> body) {
    call(ctx, operation, body, false);
  }

  private void call(Context ctx, String operation, Function<Context, JsonNode> body, boolean bodyIsResult) {
    RestAnswers.answer(ctx, c -> {
      JsonNode input = body.apply(c);
      return bodyIsResult ? input : aws.invoke(operation, input);
    });
  }
}
