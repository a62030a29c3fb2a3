package dev.stepstream.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready} (it can do its work: the
 * processor is RUNNING). Not ready is HTTP 503 with the reason, for load balancers, Docker
 * healthchecks and Kubernetes probes.
 */
final class HealthRoutes {
  private final Supplier<Optional<String>> notReadyReason;

  /** {@code notReadyReason} tells why this instance cannot serve now; empty when it can. */
  HealthRoutes(Supplier<Optional<String>> notReadyReason) {
    this.notReadyReason = notReadyReason;
  }

  void register(RoutesConfig routes) {
    routes.get("/health/live", ctx -> respond(ctx, Optional.empty()));
    routes.get("/health/ready", ctx -> respond(ctx, notReadyReason.get()));
  }

  private static void respond(Context ctx, Optional<String> reason) {
    ObjectNode body = AwsJson.object();
    body.put("status", reason.isEmpty() ? "UP" : "DOWN");
    reason.ifPresent(r -> body.put("reason", r));
    ctx.status(reason.isEmpty() ? 200 : 503).contentType("application/json").result(body.toString());
  }
}
