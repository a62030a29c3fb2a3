package dev.stepstream.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowTest {
  private static final Duration LONG_WARMUP = Duration.ofMillis(1_500);

  // A quiet JIT, so that the real one compiling meanwhile (a busy CI machine) cannot lengthen a warm-up here.
  private final Window window = new Window(Duration.ofMillis(1), Duration.ofMillis(1), new CpuMeter(Optional.empty()),
      new Progress(new PrintWriter(Writer.nullWriter()), false), () -> 7, Duration.ofMillis(100));

  private Duration timedRun() {
    long start = System.nanoTime();
    window.run("T", "units/s", () -> 0L);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void shouldWarmUpLongerOnlyForTheScenarioAfterEachRequest() {
    window.withNextWarmup(LONG_WARMUP);
    Duration first = timedRun();
    Duration second = timedRun();
    window.withNextWarmup(LONG_WARMUP);
    Duration third = timedRun();

    assertThat(first).isGreaterThanOrEqualTo(LONG_WARMUP);
    assertThat(second).as("back to the normal warm-up").isLessThan(LONG_WARMUP);
    assertThat(third).as("the first workflow scenario warms up long again").isGreaterThanOrEqualTo(LONG_WARMUP);
  }

  @Test
  void shouldWarmUpLongerWhileTheJitCompiles() {
    AtomicLong compiledMillis = new AtomicLong();
    // 100 ms more at each look until 400 ms: busy in the warm-up's last slice and in two more
    Window settling = jitWindow(() -> compiledMillis.addAndGet(compiledMillis.get() < 400 ? 100 : 0));

    Duration taken = timed(settling);

    assertThat(taken).as("two extra slices while the JIT compiled").isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(taken).as("no more once it settled").isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void shouldStopWarmingUpAfterFourMoreWarmupsWhenTheJitNeverSettles() {
    AtomicLong compiledMillis = new AtomicLong();
    Window busy = jitWindow(() -> compiledMillis.addAndGet(1_000));

    Duration taken = timed(busy);

    assertThat(taken).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofMillis(1_500));
    assertThat(busy.lastJitNote()).startsWith("the JIT was still compiling when the window opened (1000 ms in the last");
  }

  @Test
  void shouldNotMarkAWindowWhoseJitSettledDuringTheWarmup() {
    AtomicLong compiledMillis = new AtomicLong();
    Window settling = jitWindow(() -> compiledMillis.addAndGet(compiledMillis.get() < 400 ? 100 : 0));

    timed(settling);

    assertThat(settling.lastJitNote()).isNull();
  }

  @Test
  void shouldNotExtendTheWarmupWhenTheJitIsQuiet() {
    Window quiet = jitWindow(() -> 7);

    assertThat(timed(quiet)).isLessThan(Duration.ofMillis(200));
  }

  /** Warm-up 100 ms, looked at in slices of 100 ms; the measuring window 1 ms. */
  private static Window jitWindow(java.util.function.LongSupplier jitMillis) {
    return new Window(Duration.ofMillis(100), Duration.ofMillis(1), new CpuMeter(Optional.empty()),
        new Progress(new PrintWriter(Writer.nullWriter()), false), jitMillis, Duration.ofMillis(100));
  }

  private static Duration timed(Window window) {
    long start = System.nanoTime();
    window.run("T", "units/s", () -> 0L);
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
