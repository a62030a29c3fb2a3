package dev.stepstream.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this JVM's live threads whose names contain a marker, such as one Kafka Streams
 * application's id: its stream threads, their producers' I/O threads, the global and state
 * threads. Threads that ended are not counted, so read it around a window in which they live.
 */
public final class NamedThreadsCpu {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final String marker;

  public NamedThreadsCpu(String marker) {
    this.marker = marker;
  }

  /** The summed CPU time in nanoseconds, or -1 when this JVM does not measure thread CPU. */
  public long nanos() {
    if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
      return -1;
    }
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
      if (info != null && info.getThreadName().contains(marker)) {
        sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return sum;
  }
}
