package dev.stepstream.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * While {@code start --wait} follows an execution, tells the user once per topic when the execution
 * waits on a task topic that no consumer group reads ("no worker reads stepstream.tasks.Shout"),
 * instead of waiting in silence. It asks {@code GET /api/executions/<ARN>/waiting} after a grace
 * period, then at most every {@link #INTERVAL_NANOS}.
 */
final class NobodyReads {
  static final long GRACE_NANOS = 3_000_000_000L;
  static final long INTERVAL_NANOS = 2_000_000_000L;

  private final Function<String, JsonNode> waitingOf;
  private final PrintWriter err;
  private final Set<String> told = new HashSet<>();
  private long nextCheck;

  NobodyReads(Function<String, JsonNode> waitingOf, PrintWriter err, long nowNanos) {
    this.waitingOf = waitingOf;
    this.err = err;
    this.nextCheck = nowNanos + GRACE_NANOS;
  }

  static NobodyReads over(ApiOptions api, PrintWriter err) {
    return new NobodyReads(arn -> TriggerCommands.rest(api, "GET",
        "/api/executions/" + URLEncoder.encode(arn, StandardCharsets.UTF_8) + "/waiting", null), err, System.nanoTime());
  }

  /** Checks when due; a failed check (an older server, Kafka busy) is skipped silently. */
  void check(String executionArn, long nowNanos) {
    if (nowNanos - nextCheck < 0) {
      return;
    }
    nextCheck = nowNanos + INTERVAL_NANOS;
    JsonNode waiting;
    try {
      waiting = waitingOf.apply(executionArn);
    } catch (RuntimeException e) {
      return;
    }
    for (JsonNode task : waiting.path("tasks")) {
      JsonNode readers = task.path("readers");
      String topic = task.path("topic").asText();
      if (readers.isArray() && readers.isEmpty() && told.add(topic)) {
        err.println("no worker reads " + topic);
        err.flush();
      }
    }
  }
}
