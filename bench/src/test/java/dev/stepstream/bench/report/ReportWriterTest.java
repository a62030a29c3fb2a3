package dev.stepstream.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.bench.harness.Sample;
import dev.stepstream.processor.Profile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final RunInfo RUN = new RunInfo(true, "2026-11-26T00:00:00Z", "embedded, own process", 6, 3, 4, 1.5, 2.5);

  private static Histogram millis(long... values) {
    Histogram h = new Histogram(60_000_000_000L, 3);
    for (long v : values) {
      h.recordValue(v * 1_000_000L);
    }
    return h;
  }

  private final ScenarioResult pingPong = new ScenarioResult("B3", "ping-pong", null, "round trips/s",
      new Sample(40_000, 2.0, 0, -1, null, 0), null, null, null, null);
  private final ScenarioResult pingPongLatency = new ScenarioResult("B3-lat", "ping-pong @200/s", null,
      "round trips/s", new Sample(400, 2.0, 0, -1, millis(10, 10, 10, 20), 0), null, null, null, null);

  @Test
  void shouldComputeTheThroughputRatioAndJudgeTheW2Target() {
    ScenarioResult w2 = Targets.w2(new ScenarioResult("W2", "tasks", "fast", "round trips/s",
        new Sample(12_000, 2.0, 0, -1, null, 0), pingPong, null, null, null));

    assertThat(w2.throughputRatio()).isEqualTo(0.3);
    assertThat(w2.targetMet()).isFalse();
  }

  @Test
  void shouldCompareLatencyPercentilesForW3() {
    ScenarioResult w3 = Targets.w3(new ScenarioResult("W3", "one task", "latency", "executions/s",
        new Sample(400, 2.0, 0, -1, millis(12, 12, 12, 25), 0), pingPongLatency, null, null, null), Profile.LATENCY);

    assertThat(w3.latencyRatio(50)).isBetween(1.19, 1.21);
    assertThat(w3.targetMet()).isTrue();
    assertThat(ReportWriter.ratio(w3)).isEqualTo("1.20/1.25");
  }

  @Test
  void shouldLeaveTheExactlyOnceW3WithoutATarget() {
    ScenarioResult w3 = Targets.w3(new ScenarioResult("W3", "one task", "exactly-once", "executions/s",
        new Sample(400, 2.0, 0, -1, millis(100), 0), pingPongLatency, null, null, null), Profile.EXACTLY_ONCE);

    assertThat(w3.target()).isNull();
  }

  @Test
  void shouldWriteOneJsonObjectPerScenarioWithItsRatio(@TempDir Path dir) throws Exception {
    ScenarioResult w2 = Targets.w2(new ScenarioResult("W2", "tasks", "fast", "round trips/s",
        new Sample(30_000, 2.0, 3_000_000, 1_500_000, null, 0, 1_200_000), pingPong, null, null, "a note"));
    Path file = dir.resolve("out/report.json");

    ReportWriter.writeJson(RUN, List.of(pingPong, pingPongLatency, w2), file);

    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.get("quick").asBoolean()).isTrue();
    assertThat(json.get("scenarios")).hasSize(3);
    JsonNode row = json.get("scenarios").get(2);
    assertThat(row.get("perSecond").asDouble()).isEqualTo(15_000);
    assertThat(row.get("baseline").asText()).isEqualTo("B3");
    assertThat(row.get("ratio").asDouble()).isEqualTo(0.75);
    assertThat(row.get("targetMet").asBoolean()).isTrue();
    assertThat(row.get("cpuMicrosPerUnit").asDouble()).isEqualTo(0.1);
    assertThat(row.get("engineCpuMicrosPerUnit").asDouble()).isEqualTo(0.04);
    assertThat(json.get("scenarios").get(0).get("engineCpuMicrosPerUnit").isNull()).isTrue();
    assertThat(row.get("note").asText()).isEqualTo("a note");
    JsonNode latency = json.get("scenarios").get(1).get("latencyMillis");
    assertThat(latency.get("p50").asDouble()).isBetween(9.9, 10.1);
    assertThat(latency.get("samples").asLong()).isEqualTo(4);
  }

  @Test
  void shouldWriteTheProbeRateOfLatencyRowsOnly(@TempDir Path dir) throws Exception {
    ScenarioResult underLoad = pingPongLatency.withProbesPerSecond(2_000);
    ScenarioResult w3 = Targets.w3(new ScenarioResult("W3", "one Task @2,000/s [fast]", "fast", "executions/s",
        new Sample(4_000, 2.0, 0, -1, millis(15, 15, 15, 30), 0), underLoad, null, null, null)
        .withProbesPerSecond(2_000), Profile.FAST);
    Path file = dir.resolve("report.json");

    ReportWriter.writeJson(RUN, List.of(pingPong, underLoad, w3), file);

    JsonNode rows = new ObjectMapper().readTree(Files.readString(file)).get("scenarios");
    assertThat(rows.get(0).has("probesPerSecond")).isFalse();
    assertThat(rows.get(1).get("probesPerSecond").asDouble()).isEqualTo(2_000);
    assertThat(rows.get(2).get("probesPerSecond").asDouble()).isEqualTo(2_000);
    assertThat(rows.get(2).get("p50Ratio").asDouble()).isBetween(1.49, 1.51);
    assertThat(w3.targetMet()).isTrue();
  }

  @Test
  void shouldPrintTheEngineCpuPerUnitBesideTheJvmCpu() {
    ScenarioResult w2 = new ScenarioResult("W2", "tasks", "fast", "round trips/s",
        new Sample(10_000, 2.0, 2_400_000_000L, -1, null, 0, 550_000_000L), pingPong, null, null, null);
    StringWriter text = new StringWriter();

    ReportWriter.printTable(RUN, List.of(w2), new PrintWriter(text));

    assertThat(text.toString()).contains("eng us/u").containsPattern("240 +- +55.00");
  }

  @Test
  void shouldPrintOneTableRowPerScenarioWithTheVerdict() {
    ScenarioResult w1 = Targets.w1(new ScenarioResult("W1", "10 Pass states [fast]", "fast", "transitions/s",
        new Sample(100_000, 2.0, 0, -1, null, 0), null, null, null, null));
    StringWriter text = new StringWriter();

    ReportWriter.printTable(RUN, List.of(pingPong, w1), new PrintWriter(text));

    assertThat(text.toString())
        .contains("stepstream bench --quick")
        .contains("load average 1.50 -> 2.50")
        .contains("20,000")
        .contains("MISSED >= 100,000 transitions/s");
  }
}
