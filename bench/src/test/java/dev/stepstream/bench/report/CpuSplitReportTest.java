package dev.stepstream.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.bench.harness.CpuSplit;
import dev.stepstream.bench.harness.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** W4's CPU per execution by thread group: the API path apart from the engine, in both reports. */
class CpuSplitReportTest {
  private static final RunInfo RUN = new RunInfo(false, "2026-12-05T01:00:00Z", "embedded, own process", 6, 8, 15, 1.0,
      2.0);
  private final ScenarioResult w4 = Targets.w4(new ScenarioResult("W4", "starts via HTTP API", "fast", "executions/s",
      new Sample(10_000, 2.0, 2_500_000_000L, 400_000_000L, null, 0), null, null, null, null, Double.NaN,
      new CpuSplit(900_000_000L, 1_100_000_000L, 200_000_000L, 100_000_000L, 200_000_000L, 10_000)));

  @Test
  void shouldWriteTheCpuPerExecutionOfEachThreadGroupInTheJsonReport() {
    JsonNode split = ReportWriter.toJson(RUN, List.of(w4)).get("scenarios").get(0).get("cpuMicrosPerUnitByThread");

    assertThat(split.get("api").asDouble()).isEqualTo(90.0);
    assertThat(split.get("engine").asDouble()).isEqualTo(110.0);
    assertThat(split.get("loadGenerator").asDouble()).isEqualTo(20.0);
    assertThat(split.get("otherThreads").asDouble()).isEqualTo(10.0);
    assertThat(split.get("vm").asDouble()).isEqualTo(20.0);
  }

  @Test
  void shouldPrintTheSplitUnderTheW4Row() {
    StringWriter text = new StringWriter();

    ReportWriter.printTable(RUN, List.of(w4), new PrintWriter(text));

    assertThat(text.toString()).contains(
        "cpu us/u by thread: API 90.00, engine 110, load generator 20.00, other threads 10.00, VM (GC, JIT) 20.00");
  }

  @Test
  void shouldLeaveRowsWithoutASplitAsTheyWere() {
    ScenarioResult w1 = new ScenarioResult("W1", "10 Pass states", "fast", "transitions/s",
        new Sample(100, 1.0, 0, -1, null, 0), null, null, null, null);

    assertThat(ReportWriter.toJson(RUN, List.of(w1)).get("scenarios").get(0).has("cpuMicrosPerUnitByThread")).isFalse();
    assertThat(w1.withNote("n").withTarget("t", true).cpuSplit()).isNull();
    assertThat(w4.withNote("n").cpuSplit()).isEqualTo(w4.cpuSplit());
  }
}
