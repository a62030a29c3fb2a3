package dev.stepstream.server.api.rest;

import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.server.api.backend.Executions;
import dev.stepstream.server.api.ops.Shapes;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.HistoryEvent;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/executions/{arn}/events}: Server-Sent Events of an execution's history events (AWS
 * shape, event name {@code history}, SSE id = event id) as they happen, from the first event (or
 * after {@code Last-Event-ID}), then one {@code end} event once the execution has finished and
 * every event was sent. An unknown execution gets one {@code error} event. Clients must send
 * {@code Accept: text/event-stream} (EventSource does).
 */
final class EventStream {
  private static final long POLL_MILLIS = 100;
  private static final int BATCH = 500;
  /** How long a closed execution's stream waits for its closing event to become readable. */
  private static final long CLOSING_GRACE_MILLIS = 10_000;
  private static final Set<String> CLOSING = Set.of(
      "ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted");
  private final Backend backend;

  EventStream(Backend backend) {
    this.backend = backend;
  }

  void stream(SseClient client) {
    String arn = client.ctx().pathParam("arn");
    long lastSent = lastEventId(client);
    Executions executions = backend.executions();
    if (executions.find(arn).isEmpty()) {
      client.sendEvent("error", AwsJson.write(AwsJson.object().put("message", "Execution Does Not Exist: '" + arn + "'")));
      return;
    }
    boolean closingSent = false;
    long closedSeenAt = -1;
    while (!client.terminated()) {
      Optional<ExecutionSummary> now = executions.find(arn);
      List<HistoryEvent> batch = executions.history(arn, lastSent + 1, Long.MAX_VALUE, false, BATCH);
      for (HistoryEvent e : batch) {
        client.sendEvent("history", AwsJson.write(Shapes.historyEvent(e, true)), Long.toString(e.id()));
        lastSent = e.id();
        closingSent = CLOSING.contains(e.eventType());
      }
      boolean closed = batch.isEmpty() && now.filter(s -> !Executions.isRunning(s)).isPresent();
      if (!closed) {
        closedSeenAt = -1;
      } else if (closedSeenAt < 0) {
        closedSeenAt = System.currentTimeMillis();
      }
      // The summary and the history are read from different views: a summary that says closed
      // may come before the last events are readable, so wait (a while) for the closing event.
      if (closed && (closingSent || System.currentTimeMillis() - closedSeenAt > CLOSING_GRACE_MILLIS)) {
        client.sendEvent("end", AwsJson.write(Shapes.executionListItem(now.get())));
        return;
      }
      if (batch.size() < BATCH) {
        sleep();
      }
    }
  }

  private static long lastEventId(SseClient client) {
    String header = client.ctx().header("Last-Event-ID");
    try {
      return header == null ? 0 : Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
