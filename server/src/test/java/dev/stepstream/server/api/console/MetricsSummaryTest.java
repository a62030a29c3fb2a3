package dev.stepstream.server.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.processor.ProcessorMetrics;
import dev.stepstream.server.api.ApiMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/metrics-summary from the /metrics registry and a fixed Kafka lag snapshot. */
class MetricsSummaryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

  private final ProcessorMetrics processor = new ProcessorMetrics();
  private final ApiMetrics metrics = new ApiMetrics(processor);

  private ObjectNode summaryWith(TaskLagSource.Snapshot kafka) {
    return new MetricsSummary(metrics.registry(), () -> kafka, CLOCK).summary();
  }

  @Test
  void should_report_per_task_counts_latency_percentiles_and_the_lag_of_each_worker_group() {
    // GIVEN
    for (int i = 1; i <= 100; i++) {
      processor.taskDispatched("Resize", "t" + i, 0);
      processor.taskFinished("t" + i, i % 10 != 0, i * 10L);
    }
    processor.taskDispatched("Charge", "c1", 0);
    TaskLagSource.Snapshot kafka = new TaskLagSource.Snapshot(
        List.of(new TaskLagSource.GroupLag("stepstream-worker-Resize", "Resize", 40, 2),
            new TaskLagSource.GroupLag("audit", "Resize", 5, 1)),
        Map.of("Resize", 140L, "Charge", 1L), 3L, null);
    // WHEN
    ObjectNode summary = summaryWith(kafka);
    // THEN
    assertThat(summary.get("at").asLong()).isEqualTo(1_700_000_000_000L);
    assertThat(summary.get("deadLetters").asLong()).isEqualTo(3);
    JsonNode tasks = summary.get("tasks");
    assertThat(tasks).extracting(t -> t.get("task").asText()).containsExactly("Charge", "Resize");
    JsonNode resize = tasks.get(1);
    assertThat(resize.get("dispatched").asLong()).isEqualTo(100);
    assertThat(resize.get("succeeded").asLong()).isEqualTo(90);
    assertThat(resize.get("failed").asLong()).isEqualTo(10);
    assertThat(resize.get("records").asLong()).isEqualTo(140);
    assertThat(resize.get("lag").asLong()).isEqualTo(45);
    assertThat(resize.get("consumers").get(0).get("group").asText()).isEqualTo("stepstream-worker-Resize");
    assertThat(resize.get("consumers").get(0).get("members").asInt()).isEqualTo(2);
    JsonNode latency = resize.get("latencyMillis");
    assertThat(latency.get("count").asLong()).isEqualTo(100);
    assertThat(latency.get("p50").asDouble()).isBetween(450.0, 560.0);
    assertThat(latency.get("p99").asDouble()).isBetween(950.0, 1100.0);
    assertThat(latency.get("max").asDouble()).isEqualTo(1000.0);
    assertThat(tasks.get(0).get("dispatched").asLong()).isEqualTo(1);
    assertThat(tasks.get(0).get("lag").isNull()).isTrue();
  }

  @Test
  void should_count_tasks_dispatched_before_the_api_started() {
    // GIVEN
    ProcessorMetrics early = new ProcessorMetrics();
    early.taskDispatched("Resize", "t1", 0);
    early.taskFinished("t1", true, 5);
    // WHEN
    ObjectNode summary = new MetricsSummary(new ApiMetrics(early).registry(),
        () -> new TaskLagSource.Snapshot(List.of(), Map.of(), 0L, null), CLOCK).summary();
    // THEN
    JsonNode resize = summary.get("tasks").get(0);
    assertThat(resize.get("dispatched").asLong()).isEqualTo(1);
    assertThat(resize.get("succeeded").asLong()).isEqualTo(1);
  }

  @Test
  void should_say_why_when_kafka_cannot_be_asked() {
    // WHEN
    ObjectNode summary = summaryWith(new TaskLagSource.Snapshot(List.of(), Map.of(), null, "Kafka did not answer: timeout"));
    // THEN
    assertThat(summary.get("deadLetters").isNull()).isTrue();
    assertThat(summary.get("kafkaError").asText()).contains("timeout");
    assertThat(summary.get("tasks")).isEmpty();
    assertThat(summary.get("processor").get("applied").asLong()).isZero();
  }
}
