package dev.stepstream.bench.harness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Outstanding latency probes keyed by id, each with its scheduled send time. Only probes scheduled
 * inside the measuring window are recorded; after the window closes, {@link #drain} waits for the
 * window's stragglers and records those that never complete at their age, so slow answers are not
 * silently dropped from the tail.
 */
public final class LatencyProbes {
  private static final long MAX_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(10);
  private final Map<Long, Long> pending = new ConcurrentHashMap<>();
  private final Histogram histogram = new Histogram(MAX_TRACKABLE_NANOS, 3);
  private final LongSupplier clock;
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private long lost;

  public LatencyProbes(LongSupplier clock) {
    this.clock = clock;
  }

  public void scheduled(long id, long scheduledNanos) {
    pending.put(id, scheduledNanos);
  }

  /** A probe's answer arrived; unknown ids (duplicates, other runs) are ignored. */
  public void completed(long id) {
    long now = clock.getAsLong();
    Long scheduled = pending.remove(id);
    if (scheduled != null && inWindow(scheduled)) {
      record(now - scheduled);
    }
  }

  public void openWindow() {
    windowStart = clock.getAsLong();
    windowEnd = Long.MAX_VALUE;
  }

  public void closeWindow() {
    windowEnd = clock.getAsLong();
  }

  /** Waits up to {@code graceNanos} for the window's outstanding probes, then returns a copy of the histogram. */
  public Histogram drain(long graceNanos, Runnable pause) {
    long deadline = clock.getAsLong() + graceNanos;
    while (outstandingInWindow() > 0 && clock.getAsLong() < deadline) {
      pause.run();
    }
    long now = clock.getAsLong();
    for (Map.Entry<Long, Long> e : pending.entrySet()) {
      if (inWindow(e.getValue()) && pending.remove(e.getKey()) != null) {
        record(now - e.getValue());
        synchronized (this) {
          lost++;
        }
      }
    }
    synchronized (this) {
      return histogram.copy();
    }
  }

  /** Probes of the window that had not completed when the histogram was drained. */
  public synchronized long lost() {
    return lost;
  }

  long outstandingInWindow() {
    return pending.values().stream().filter(this::inWindow).count();
  }

  private boolean inWindow(long scheduled) {
    return scheduled >= windowStart && scheduled < windowEnd;
  }

  private synchronized void record(long nanos) {
    histogram.recordValue(Math.min(Math.max(nanos, 0), MAX_TRACKABLE_NANOS));
  }
}
