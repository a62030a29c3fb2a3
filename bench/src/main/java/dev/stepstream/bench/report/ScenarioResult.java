package dev.stepstream.bench.report;

import dev.stepstream.bench.harness.CpuSplit;
import dev.stepstream.bench.harness.Sample;

/**
 * One row of the report.
 *
 * @param id e.g. {@code B3-latency} or {@code W2}
 * @param title what ran, with its settings
 * @param profile the Stepstream profile, or null for a baseline
 * @param unit what {@code sample.perSecond()} counts
 * @param baseline the matching baseline row, or null
 * @param target the target text, or null when this row has none
 * @param targetMet whether the target was met, or null without a target
 * @param note anything the reader must know (failures, substitutions)
 * @param probesPerSecond the open-loop rate of a latency row's probes (B3-lat, W3), or NaN
 * @param cpuSplit this JVM's CPU per unit by thread group (API, engine, load generator), or null
 */
public record ScenarioResult(String id, String title, String profile, String unit, Sample sample,
    ScenarioResult baseline, String target, Boolean targetMet, String note, double probesPerSecond,
    CpuSplit cpuSplit) {

  /** A row without latency probes or a CPU split by thread. */
  public ScenarioResult(String id, String title, String profile, String unit, Sample sample,
      ScenarioResult baseline, String target, Boolean targetMet, String note) {
    this(id, title, profile, unit, sample, baseline, target, targetMet, note, Double.NaN, null);
  }

  /** Throughput divided by the baseline's, or NaN. */
  public double throughputRatio() {
    return baseline == null || baseline.sample().perSecond() == 0 || isLatency()
        ? Double.NaN : sample.perSecond() / baseline.sample().perSecond();
  }

  public boolean isLatency() {
    return sample.latency() != null && baseline != null && baseline.sample().latency() != null;
  }

  /** A latency percentile divided by the baseline's, or NaN. */
  public double latencyRatio(double percentile) {
    if (!isLatency()) {
      return Double.NaN;
    }
    return sample.latencyMillis(percentile) / baseline.sample().latencyMillis(percentile);
  }

  public ScenarioResult withTarget(String text, boolean met) {
    return new ScenarioResult(id, title, profile, unit, sample, baseline, text, met, note, probesPerSecond, cpuSplit);
  }

  public ScenarioResult withCpuSplit(CpuSplit split) {
    return new ScenarioResult(id, title, profile, unit, sample, baseline, target, targetMet, note, probesPerSecond,
        split);
  }

  public ScenarioResult withNote(String text) {
    return new ScenarioResult(id, title, profile, unit, sample, baseline, target, targetMet,
        note == null ? text : note + "; " + text, probesPerSecond, cpuSplit);
  }

  /** The same row, marked as measured with latency probes at {@code rate} per second. */
  public ScenarioResult withProbesPerSecond(double rate) {
    return new ScenarioResult(id, title, profile, unit, sample, baseline, target, targetMet, note, rate, cpuSplit);
  }
}
