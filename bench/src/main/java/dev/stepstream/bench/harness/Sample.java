package dev.stepstream.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * What one measuring window saw.
 *
 * @param count units completed inside the window (records, round trips, transitions, executions)
 * @param seconds the window's length
 * @param selfCpuNanos CPU time of this JVM inside the window
 * @param brokerCpuNanos CPU time of the broker process inside the window, or -1 when unknown
 * @param latency end-to-end latencies in nanoseconds, or null for throughput scenarios
 * @param lostProbes latency probes that never completed (recorded at their age)
 * @param engineCpuNanos CPU time of the processor's threads inside the window, or -1 when not measured
 */
public record Sample(long count, double seconds, long selfCpuNanos, long brokerCpuNanos, Histogram latency,
    long lostProbes, long engineCpuNanos) {

  /** A sample without the processor's own CPU time. */
  public Sample(long count, double seconds, long selfCpuNanos, long brokerCpuNanos, Histogram latency,
      long lostProbes) {
    this(count, seconds, selfCpuNanos, brokerCpuNanos, latency, lostProbes, -1);
  }

  public double perSecond() {
    return seconds <= 0 ? 0 : count / seconds;
  }

  /** Microseconds of CPU (this JVM) per unit, or NaN without units. */
  public double selfCpuMicrosPerUnit() {
    return count == 0 ? Double.NaN : selfCpuNanos / 1_000.0 / count;
  }

  public double brokerCpuMicrosPerUnit() {
    return count == 0 || brokerCpuNanos < 0 ? Double.NaN : brokerCpuNanos / 1_000.0 / count;
  }

  /** Microseconds of CPU of the processor's threads per unit, or NaN when not measured. */
  public double engineCpuMicrosPerUnit() {
    return count == 0 || engineCpuNanos < 0 ? Double.NaN : engineCpuNanos / 1_000.0 / count;
  }

  /** A latency percentile in milliseconds, or NaN for throughput scenarios. */
  public double latencyMillis(double percentile) {
    return latency == null || latency.getTotalCount() == 0
        ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
  }
}
