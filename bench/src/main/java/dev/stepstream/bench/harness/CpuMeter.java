package dev.stepstream.bench.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/** Process CPU time of this JVM and, when known, of the broker's process. */
public final class CpuMeter {
  private final com.sun.management.OperatingSystemMXBean os;
  private final Optional<ProcessHandle> broker;

  public CpuMeter(Optional<ProcessHandle> broker) {
    this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    this.broker = broker;
  }

  public long selfNanos() {
    return os.getProcessCpuTime();
  }

  /** The broker's CPU time, or -1 when the broker is not our child or the OS does not tell. */
  public long brokerNanos() {
    return broker.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
  }
}
