package dev.stepstream.server.triggers;

import static dev.stepstream.server.api.rest.RestAnswers.answer;
import static dev.stepstream.server.api.rest.RestAnswers.objectBody;

import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.wire.TriggerRecord;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

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
    routes.post("/api/triggers", ctx -> answer(ctx, c -> ops.create(objectBody(c))));
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
}
