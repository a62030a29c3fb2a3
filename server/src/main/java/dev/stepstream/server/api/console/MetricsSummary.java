package dev.stepstream.server.api.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.ApiMetrics;
import dev.stepstream.server.api.aws.AwsJson;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/metrics-summary}: the console's metrics dashboard as JSON, computed from the
 * meters {@code /metrics} exports (this instance's) and from Kafka (consumer lag of the groups
 * reading task topics, records per task topic, dead letters; every instance's).
 */
public final class MetricsSummary {
  private final MeterRegistry registry;
  private final TaskLagSource lag;
  private final Clock clock;

  public MetricsSummary(MeterRegistry registry, TaskLagSource lag, Clock clock) {
    this.registry = registry;
    this.lag = lag;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/metrics-summary", ctx -> ctx.contentType("application/json").result(AwsJson.bytes(summary())));
  }

  ObjectNode summary() {
    TaskLagSource.Snapshot kafka = lag.read();
    ObjectNode out = AwsJson.object();
    out.put("at", clock.millis());
    ObjectNode processor = out.putObject("processor");
    processor.put("applied", functionCount("stepstream.processor.applied"));
    processor.put("ignored", functionCount("stepstream.processor.ignored"));
    processor.put("deadLettered", functionCount("stepstream.processor.dead.lettered"));
    processor.put("timersFired", functionCount("stepstream.processor.timers.fired"));
    Gauge pending = registry.find(ApiMetrics.TIMERS_PENDING).gauge();
    if (pending != null && pending.value() >= 0) {
      out.put("timersPending", (long) pending.value());
    } else {
      out.putNull("timersPending");
    }
    if (kafka.deadLetters() != null) {
      out.put("deadLetters", kafka.deadLetters());
    } else {
      out.putNull("deadLetters");
    }
    if (kafka.error() != null) {
      out.put("kafkaError", kafka.error());
    }
    ArrayNode tasks = out.putArray("tasks");
    tasksOf(kafka).forEach((name, task) -> tasks.add(task));
    return out;
  }

  private Map<String, ObjectNode> tasksOf(TaskLagSource.Snapshot kafka) {
    Map<String, ObjectNode> tasks = new TreeMap<>();
    for (FunctionCounter c : registry.find(ApiMetrics.TASKS_DISPATCHED).functionCounters()) {
      task(tasks, c.getId().getTag("task")).put("dispatched", (long) c.count());
    }
    for (FunctionCounter c : registry.find(ApiMetrics.TASKS_COMPLETED).functionCounters()) {
      task(tasks, c.getId().getTag("task")).put(c.getId().getTag("outcome"), (long) c.count());
    }
    for (Timer t : registry.find(ApiMetrics.TASKS_LATENCY).timers()) {
      task(tasks, t.getId().getTag("task")).set("latencyMillis", latency(t.takeSnapshot()));
    }
    kafka.records().forEach((name, records) -> task(tasks, name).put("records", records));
    for (TaskLagSource.GroupLag group : kafka.groups()) {
      ObjectNode task = task(tasks, group.task());
      task.put("lag", task.path("lag").asLong(0) + group.lag());
      task.withArray("consumers").addObject()
          .put("group", group.group()).put("lag", group.lag()).put("members", group.members());
    }
    return tasks;
  }

  private static ObjectNode task(Map<String, ObjectNode> tasks, String name) {
    return tasks.computeIfAbsent(name, n -> {
      ObjectNode task = AwsJson.object().put("task", n).put("dispatched", 0).put("succeeded", 0).put("failed", 0);
      task.putNull("records");
      task.putNull("lag");
      task.putArray("consumers");
      return task;
    });
  }

  /** Count, mean, max and the 50th/95th/99th percentiles of the last two minutes, in ms. */
  private static ObjectNode latency(HistogramSnapshot snapshot) {
    ObjectNode out = AwsJson.object()
        .put("count", snapshot.count())
        .put("mean", round(snapshot.mean(TimeUnit.MILLISECONDS)))
        .put("max", round(snapshot.max(TimeUnit.MILLISECONDS)));
    List<ValueAtPercentile> percentiles = new ArrayList<>(List.of(snapshot.percentileValues()));
    for (ValueAtPercentile p : percentiles) {
      out.put("p" + Math.round(p.percentile() * 100), round(p.value(TimeUnit.MILLISECONDS)));
    }
    return out;
  }

  private static double round(double millis) {
    return Math.round(millis * 10) / 10.0;
  }

  private long functionCount(String name) {
    FunctionCounter counter = registry.find(name).functionCounter();
    return counter == null ? 0 : (long) counter.count();
  }
}
