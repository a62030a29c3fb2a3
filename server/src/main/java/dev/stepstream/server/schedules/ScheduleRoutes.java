package dev.stepstream.server.schedules;

import static dev.stepstream.server.api.rest.RestAnswers.answer;
import static dev.stepstream.server.api.rest.RestAnswers.objectBody;

import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.wire.ScheduleRecord;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

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
    routes.post("/api/schedules", ctx -> answer(ctx, c -> ops.create(objectBody(c))));
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
}
