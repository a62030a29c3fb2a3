package dev.stepstream.bench.harness;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Runs the warm-up and then the fixed measuring window of one scenario against a monotonically
 * growing counter of completed units, updating the progress line once a second.
 */
public final class Window {
  private final Duration warmup;
  private final Duration measure;
  private final CpuMeter cpu;
  private final Progress progress;
  private Duration firstWarmup;

  public Window(Duration warmup, Duration measure, CpuMeter cpu, Progress progress) {
    this.warmup = warmup;
    this.measure = measure;
    this.cpu = cpu;
    this.progress = progress;
  }

  /** A longer warm-up for the next scenario (the run's first, which also warms the JIT and the fresh broker). */
  public Window withFirstWarmup(Duration longer) {
    this.firstWarmup = longer;
    return this;
  }

  public Duration total() {
    return warmup.plus(measure);
  }

  /** Throughput: counts units completed inside the window. */
  public Sample run(String scenario, String unit, LongSupplier completed) {
    return run(scenario, unit, completed, null);
  }

  /** A throughput sample with this JVM's CPU inside the window split by thread group. */
  public record Split(Sample sample, CpuSplit cpu) {}

  /** Throughput and the engine's CPU, with the JVM's CPU split by {@code threads}' groups. */
  public Split runSplit(String scenario, String unit, LongSupplier completed, ThreadCpu threads,
      LongSupplier engineCpu) {
    ThreadCpu.Snapshot[] opened = new ThreadCpu.Snapshot[1];
    Sample sample = run(scenario, unit, completed, null, engineCpu, () -> opened[0] = threads.snapshot());
    return new Split(sample, CpuSplit.of(threads.snapshot().since(opened[0]), sample));
  }

  /** Throughput, plus latency from {@code probes} when not null (probes scheduled inside the window). */
  public Sample run(String scenario, String unit, LongSupplier completed, LatencyProbes probes) {
    return run(scenario, unit, completed, probes, () -> -1);
  }

  /** Throughput, plus the CPU time {@code engineCpu} (nanoseconds, -1 when unknown) grows by inside the window. */
  public Sample run(String scenario, String unit, LongSupplier completed, LatencyProbes probes,
      LongSupplier engineCpu) {
    return run(scenario, unit, completed, probes, engineCpu, () -> { });
  }

  private Sample run(String scenario, String unit, LongSupplier completed, LatencyProbes probes,
      LongSupplier engineCpu, Runnable opening) {
    Duration thisWarmup = firstWarmup != null ? firstWarmup : warmup;
    firstWarmup = null;
    tick(scenario, "warm-up", thisWarmup, unit, completed);
    opening.run();
    long startCount = completed.getAsLong();
    long startSelf = cpu.selfNanos();
    long startBroker = cpu.brokerNanos();
    long startEngine = engineCpu.getAsLong();
    long startNanos = System.nanoTime();
    if (probes != null) {
      probes.openWindow();
    }
    tick(scenario, "measuring", measure, unit, completed);
    long count = completed.getAsLong() - startCount;
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long self = cpu.selfNanos() - startSelf;
    long endBroker = cpu.brokerNanos();
    long broker = startBroker < 0 || endBroker < 0 ? -1 : endBroker - startBroker;
    long endEngine = engineCpu.getAsLong();
    long engine = startEngine < 0 || endEngine < 0 ? -1 : endEngine - startEngine;
    if (probes == null) {
      return new Sample(count, seconds, self, broker, null, 0, engine);
    }
    probes.closeWindow();
    progress.show(scenario, "draining", 0, 0, unit);
    return new Sample(count, seconds, self, broker, probes.drain(Duration.ofSeconds(10).toNanos(), () -> pause(20)),
        probes.lost(), engine);
  }

  private void tick(String scenario, String phase, Duration length, String unit, LongSupplier completed) {
    long end = System.nanoTime() + length.toNanos();
    long lastCount = completed.getAsLong();
    long lastTime = System.nanoTime();
    while (System.nanoTime() < end) {
      pause(Math.min(1_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      long now = System.nanoTime();
      long count = completed.getAsLong();
      double rate = (count - lastCount) / ((now - lastTime) / 1e9);
      progress.show(scenario, phase, Math.max(0, (end - now) / 1_000_000_000L), rate, unit);
      lastCount = count;
      lastTime = now;
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
