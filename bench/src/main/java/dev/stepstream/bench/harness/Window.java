package dev.stepstream.bench.harness;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Runs the warm-up and then the fixed measuring window of one scenario against a monotonically
 * growing counter of completed units, updating the progress line once a second.
 *
 * <p>The warm-up lasts until the JIT has settled: while this JVM's compilers spent more than
 * {@link #JIT_BUSY_SHARE} of the last {@link #SETTLE_SLICE} compiling, it goes on, by at most
 * {@link #MAX_EXTRA_WARMUPS} warm-ups. On two busy cores one C2 compilation of a hot method takes
 * about a second, and a scenario that runs code the ones before it did not (or with other types)
 * measured those compilations instead of the code (docs/performance.md, "Method").
 */
public final class Window {
  static final Duration SETTLE_SLICE = Duration.ofSeconds(2);
  static final double JIT_BUSY_SHARE = 0.10;
  static final int MAX_EXTRA_WARMUPS = 4;

  private final Duration warmup;
  private final Duration measure;
  private final CpuMeter cpu;
  private final Progress progress;
  private final LongSupplier jitMillis;
  private final Duration settleSlice;
  private Duration nextWarmup;
  private String jitNote;

  public Window(Duration warmup, Duration measure, CpuMeter cpu, Progress progress) {
    this(warmup, measure, cpu, progress, Window::compilationMillis, SETTLE_SLICE);
  }

  /**
   * @param jitMillis the JIT's total compilation time so far in milliseconds, or -1 when unknown
   * @param settleSlice how long each look at the JIT lasts
   */
  Window(Duration warmup, Duration measure, CpuMeter cpu, Progress progress, LongSupplier jitMillis,
      Duration settleSlice) {
    this.warmup = warmup;
    this.measure = measure;
    this.cpu = cpu;
    this.progress = progress;
    this.jitMillis = jitMillis;
    this.settleSlice = settleSlice;
  }

  private static long compilationMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  /**
   * A longer warm-up for the next scenario only: the run's first (which also warms the fresh broker),
   * and each one whose code the scenarios before it did not warm for the JIT.
   */
  public Window withNextWarmup(Duration longer) {
    this.nextWarmup = longer;
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
    Duration thisWarmup = nextWarmup != null ? nextWarmup : warmup;
    nextWarmup = null;
    warmUp(scenario, thisWarmup, unit, completed);
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

  /** The warm-up, then more slices while the JIT was busy in the last one (up to the limit). */
  private void warmUp(String scenario, Duration length, String unit, LongSupplier completed) {
    Duration slice = settleSlice.compareTo(length) < 0 ? settleSlice : length;
    tick(scenario, "warm-up", length.minus(slice), unit, completed);
    long compiled = compiledDuring(scenario, "warm-up", slice, unit, completed);
    Duration limit = length.plus(warmup.multipliedBy(MAX_EXTRA_WARMUPS));
    Duration warmed = length;
    while (compiled > slice.toMillis() * JIT_BUSY_SHARE && warmed.compareTo(limit) < 0) {
      slice = settleSlice;
      compiled = compiledDuring(scenario, "warm-up, JIT busy", slice, unit, completed);
      warmed = warmed.plus(slice);
    }
    boolean settled = compiled <= slice.toMillis() * JIT_BUSY_SHARE;
    jitNote = settled ? null : String.format(Locale.ROOT,
        "the JIT was still compiling when the window opened (%d ms in the last %.0f s of a %.0f s warm-up):"
            + " this row measured the JIT too", compiled, slice.toMillis() / 1e3, warmed.toMillis() / 1e3);
    if (warmed.compareTo(length) > 0) {
      progress.note(String.format("  %s: warmed up %.0f s instead of %.0f s while the JIT compiled (%d ms in the last %.0f s)%s",
          scenario, warmed.toMillis() / 1e3, length.toMillis() / 1e3, compiled, slice.toMillis() / 1e3,
          settled ? "" : "; it had not settled"));
    }
  }

  /**
   * Why the last window's figures are not the code's alone, or null: its warm-up reached its limit
   * while the JIT was still busy, so the window measured compilations too.
   */
  public String lastJitNote() {
    return jitNote;
  }

  /** Ticks through {@code length}; returns the JIT's compilation time in it (0 when unknown). */
  private long compiledDuring(String scenario, String phase, Duration length, String unit, LongSupplier completed) {
    long before = jitMillis.getAsLong();
    tick(scenario, phase, length, unit, completed);
    return before < 0 ? 0 : jitMillis.getAsLong() - before;
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
