package dev.stepstream.bench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of this JVM's Java threads, summed per {@link Group} by thread name, so that a scenario
 * that runs the API, the engine and the load generator in one process can tell their costs apart.
 * Only CPU spent inside the window counts: a thread's time at {@link #snapshot} is subtracted at
 * {@link Snapshot#since}; a thread that ends inside the window loses its last slice (Jetty and the
 * await pool keep theirs alive, so this is small). GC, JIT and other VM threads are not Java threads:
 * they are the process CPU minus the sum of the groups.
 */
public final class ThreadCpu {
  /** Who a thread works for. */
  public enum Group {
    /** The HTTP API: Jetty's request threads, the API's producer and views, its await pool. */
    API,
    /** The processor: Kafka Streams threads and their clients' I/O threads. */
    ENGINE,
    /** The bench's own callers and counters. */
    LOAD,
    /** Any other Java thread (Kafka clients of the bench, timers). */
    OTHER
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  public ThreadCpu() {
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  /** The group of a thread by its name. */
  public static Group groupOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("stepstream-api") || n.startsWith("qtp") || n.contains("jetty") || n.contains("javalin")) {
      return Group.API;
    }
    if (n.contains("streamthread") || n.contains("stepstream-processor") || n.contains("stepstream-integrations")) {
      return Group.ENGINE;
    }
    if (n.startsWith("bench-")) {
      return Group.LOAD;
    }
    return Group.OTHER;
  }

  public Snapshot snapshot() {
    Map<Long, Long> cpu = new HashMap<>();
    Map<Long, Group> groups = new HashMap<>();
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long nanos = threads.getThreadCpuTime(ids[i]);
      if (infos[i] != null && nanos >= 0) {
        cpu.put(ids[i], nanos);
        groups.put(ids[i], groupOf(infos[i].getThreadName()));
      }
    }
    return new Snapshot(cpu, groups);
  }

  /** Per-thread CPU times at one moment. */
  public static final class Snapshot {
    private final Map<Long, Long> cpu;
    private final Map<Long, Group> groups;

    Snapshot(Map<Long, Long> cpu, Map<Long, Group> groups) {
      this.cpu = cpu;
      this.groups = groups;
    }

    /** CPU nanoseconds per group between {@code earlier} and this snapshot (threads new since count in full). */
    public Map<Group, Long> since(Snapshot earlier) {
      Map<Group, Long> out = new EnumMap<>(Group.class);
      for (Group g : Group.values()) {
        out.put(g, 0L);
      }
      cpu.forEach((id, nanos) -> out.merge(groups.get(id), nanos - earlier.cpu.getOrDefault(id, 0L), Long::sum));
      return out;
    }
  }
}
