package dev.stepstream.server.api.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.engine.runtime.MapRunCounts;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import dev.stepstream.wire.WireJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The internal endpoints other instances forward to: this instance's processor stores only (never
 * forwarded again, so a stale ownership view cannot make requests loop). Bodies are the wire
 * records: an {@code ExecutionSummary}, a JSON array of {@code HistoryEvent}s, or {@code {"held":bool}}
 * (whether a task waits for a token); 404 when the
 * store does not have the execution; 503 while the stores are rebalancing.
 */
public final class PeerRoutes {
  static final String EXECUTIONS = "/internal/executions/";
  private static final String JSON = "application/json";

  private final StepstreamProcessor processor;

  public PeerRoutes(StepstreamProcessor processor) {
    this.processor = processor;
  }

  public void register(RoutesConfig routes) {
    routes.get(EXECUTIONS + "{arn}", this::summary);
    routes.get(EXECUTIONS + "{arn}/history", this::history);
    routes.get(EXECUTIONS + "{arn}/tasks", this::task);
    routes.get(EXECUTIONS + "{arn}/map-runs", this::mapRunCounts);
  }

  private void summary(Context ctx) {
    try {
      Optional<ExecutionSummary> summary = processor.summary(ctx.pathParam("arn"));
      if (summary.isEmpty()) {
        ctx.status(404).contentType(JSON).result("{}");
      } else {
        ctx.status(200).contentType(JSON).result(WireJson.encode(summary.get()));
      }
    } catch (InvalidStateStoreException e) {
      unavailable(ctx, e);
    }
  }

  private void task(Context ctx) {
    String token = ctx.queryParam("token");
    try {
      Optional<ExecutionState> state = processor.execution(ctx.pathParam("arn"));
      if (state.isEmpty() || token == null) {
        ctx.status(404).contentType(JSON).result("{}");
      } else {
        ctx.status(200).contentType(JSON).result("{\"held\":" + ExecutionQueries.holdsTask(state.get(), token) + "}");
      }
    } catch (InvalidStateStoreException e) {
      unavailable(ctx, e);
    }
  }

  private void mapRunCounts(Context ctx) {
    String mapRunArn = ctx.queryParam("mapRunArn");
    try {
      Optional<JsonNode> counts = mapRunArn == null ? Optional.empty()
          : processor.execution(ctx.pathParam("arn")).flatMap(state -> MapRunCounts.find(state, mapRunArn));
      if (counts.isEmpty()) {
        ctx.status(404).contentType(JSON).result("{}");
      } else {
        ctx.status(200).contentType(JSON).result(counts.get().toString());
      }
    } catch (InvalidStateStoreException e) {
      unavailable(ctx, e);
    }
  }

  private void history(Context ctx) {
    long from = Long.parseLong(ctx.queryParam("from"));
    long to = Long.parseLong(ctx.queryParam("to"));
    boolean reverse = Boolean.parseBoolean(ctx.queryParam("reverse"));
    int limit = Integer.parseInt(ctx.queryParam("limit"));
    try {
      List<HistoryEvent> events = processor.history(ctx.pathParam("arn"), from, to, reverse, limit);
      ctx.status(200).contentType(JSON).result(array(events));
    } catch (InvalidStateStoreException e) {
      unavailable(ctx, e);
    }
  }

  private static byte[] array(List<HistoryEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('[');
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(WireJson.encode(events.get(i)));
    }
    out.write(']');
    return out.toByteArray();
  }

  private static void unavailable(Context ctx, InvalidStateStoreException e) {
    ctx.status(503).contentType(JSON).result("{\"message\":\"stores are not queryable now\"}");
  }
}
