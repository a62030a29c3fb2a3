package dev.stepstream.bench.harness;

import java.util.Map;

/**
 * A window's CPU of this JVM split by {@link ThreadCpu.Group}, per unit: the API path apart from the
 * engine's, the load generator's own, other Java threads, and the VM (GC, JIT: the process CPU that no
 * Java thread accounts for).
 */
public record CpuSplit(long apiNanos, long engineNanos, long loadNanos, long otherThreadsNanos, long vmNanos,
    long count) {

  static CpuSplit of(Map<ThreadCpu.Group, Long> byGroup, Sample sample) {
    long api = byGroup.get(ThreadCpu.Group.API);
    long engine = byGroup.get(ThreadCpu.Group.ENGINE);
    long load = byGroup.get(ThreadCpu.Group.LOAD);
    long other = byGroup.get(ThreadCpu.Group.OTHER);
    long vm = Math.max(0, sample.selfCpuNanos() - api - engine - load - other);
    return new CpuSplit(api, engine, load, other, vm, sample.count());
  }

  public double apiMicrosPerUnit() {
    return perUnit(apiNanos);
  }

  public double engineMicrosPerUnit() {
    return perUnit(engineNanos);
  }

  public double loadMicrosPerUnit() {
    return perUnit(loadNanos);
  }

  public double otherThreadsMicrosPerUnit() {
    return perUnit(otherThreadsNanos);
  }

  public double vmMicrosPerUnit() {
    return perUnit(vmNanos);
  }

  private double perUnit(long nanos) {
    return count == 0 ? Double.NaN : nanos / 1_000.0 / count;
  }
}
