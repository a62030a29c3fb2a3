package dev.stepstream.server.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.wire.ScheduleRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

/**
 * REST under {@code /api/schedules}: {@code GET} lists, {@code POST} creates, {@code GET /{name}}
 * describes, {@code POST /{name}/pause} and {@code /resume}, {@code DELETE /{name}}. Errors in the
 * AWS shape; a missing schedule answers 404, an existing name 409.
 */
public final class ScheduleRoutes {
  private final ScheduleOps ops;

  public ScheduleRoutes(Schedules schedules, Definitions definitions, Arns arns) {
    this(schedules, definitions, arns, Clock.systemUTC());
  }

  ScheduleRoutes(Schedules schedules, Definitions definitions, Arns arns, Clock clock) {
    this.ops = new ScheduleOps(schedules, definitions, arns, clock);
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/schedules", ctx -> answer(ctx, c -> ops.listShape(ops.list())));
    routes.post("/api/schedules", ctx -> answer(ctx, c -> ops.create(body(c))));
    routes.get("/api/schedules/{name}", ctx -> answer(ctx, c -> ops.describe(c.pathParam("name"))));
    routes.post("/api/schedules/{name}/pause",
        ctx -> answer(ctx, c -> ops.setState(c.pathParam("name"), ScheduleRecord.DISABLED)));
    routes.post("/api/schedules/{name}/resume",
        ctx -> answer(ctx, c -> ops.setState(c.pathParam("name"), ScheduleRecord.ENABLED)));
    routes.delete("/api/schedules/{name}", ctx -> answer(ctx, c -> {
      ops.delete(c.pathParam("name"));
      return AwsJson.object();
    }));
  }

  private static JsonNode body(Context ctx) {
    String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    return AwsJson.parse(text).filter(JsonNode::isObject)
        .orElseThrow(() -> new AwsException("SerializationException", "The body is not a JSON object"));
  }

  private static void answer(Context ctx, Function<Context, JsonNode> handler) {
    try {
      JsonNode result = handler.apply(ctx);
      ctx.status(200).contentType("application/json").result(AwsJson.bytes(result));
    } catch (RuntimeException e) {
      ErrorTable.ErrorResponse error = ErrorTable.map(e);
      int status = error.errorName().endsWith("DoesNotExist") ? 404 : error.status();
      ctx.status(status).contentType("application/json").result(AwsJson.bytes(error.body()));
    }
  }
}
