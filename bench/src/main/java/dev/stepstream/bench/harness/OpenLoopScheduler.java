package dev.stepstream.bench.harness;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Fires actions at a fixed rate, each with its <em>scheduled</em> time (System.nanoTime scale), so a
 * latency measured from that time includes any delay the sender itself suffered: no coordinated
 * omission. When the sender falls behind, the overdue sends go out at once, with their original
 * scheduled times; the schedule never shifts.
 */
public final class OpenLoopScheduler implements AutoCloseable {
  private final double ratePerSecond;
  private final LongConsumer send;
  private final LongSupplier clock;
  private final long start;
  private long fired;
  private volatile boolean running = true;
  private Thread thread;

  public OpenLoopScheduler(double ratePerSecond, LongConsumer send, LongSupplier clock) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive but was " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.send = send;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** The scheduled time of the send with this index. */
  public long scheduledTime(long index) {
    return start + (long) (index * 1e9 / ratePerSecond);
  }

  /** Fires every send due at {@code now} that has not been fired yet; returns how many it fired. */
  public int fireDue(long now) {
    int count = 0;
    while (scheduledTime(fired) <= now) {
      send.accept(scheduledTime(fired));
      fired++;
      count++;
    }
    return count;
  }

  public long fired() {
    return fired;
  }

  /** Starts firing on a daemon thread named {@code name}. */
  public OpenLoopScheduler startThread(String name) {
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void loop() {
    while (running) {
      fireDue(clock.getAsLong());
      long wait = scheduledTime(fired) - clock.getAsLong();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(5_000);
    }
  }
}
