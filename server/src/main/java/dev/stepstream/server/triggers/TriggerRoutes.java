package dev.stepstream.server.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.ErrorTable;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.wire.TriggerRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

/**
 * REST under {@code /api/triggers}: {@code GET} lists (with this instance's counters), {@code POST} creates, {@code GET /{name}}
 * describes (with this instance's counters), {@code POST /{name}/pause} and {@code /resume},
 * {@code DELETE /{name}}. Errors in the AWS shape; a missing trigger answers 404.
 */
public final class TriggerRoutes {
  private final TriggerOps ops;

  public TriggerRoutes(Triggers triggers, Definitions definitions, TriggerService service, Arns arns) {
    this.ops = new TriggerOps(triggers, definitions, service, arns, Clock.systemUTC());
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/triggers", ctx -> answer(ctx, c -> ops.listShape()));
    routes.post("/api/triggers", ctx -> answer(ctx, c -> ops.create(body(c))));
    routes.get("/api/triggers/{name}", ctx -> answer(ctx, c -> ops.describe(c.pathParam("name"))));
    routes.post("/api/triggers/{name}/pause",
        ctx -> answer(ctx, c -> ops.setState(c.pathParam("name"), TriggerRecord.PAUSED)));
    routes.post("/api/triggers/{name}/resume",
        ctx -> answer(ctx, c -> ops.setState(c.pathParam("name"), TriggerRecord.ACTIVE)));
    routes.delete("/api/triggers/{name}", ctx -> answer(ctx, c -> {
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
