package dev.stepstream.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowTest {
  private static final Duration LONG_WARMUP = Duration.ofMillis(1_500);

  private final Window window = new Window(Duration.ofMillis(1), Duration.ofMillis(1), new CpuMeter(Optional.empty()),
      new Progress(new PrintWriter(Writer.nullWriter()), false));

  private Duration timedRun() {
    long start = System.nanoTime();
    window.run("T", "units/s", () -> 0L);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void shouldWarmUpLongerOnlyForTheScenarioAfterEachRequest() {
    window.withFirstWarmup(LONG_WARMUP);
    Duration first = timedRun();
    Duration second = timedRun();
    window.withFirstWarmup(LONG_WARMUP);
    Duration third = timedRun();

    assertThat(first).isGreaterThanOrEqualTo(LONG_WARMUP);
    assertThat(second).as("back to the normal warm-up").isLessThan(LONG_WARMUP);
    assertThat(third).as("the first workflow scenario warms up long again").isGreaterThanOrEqualTo(LONG_WARMUP);
  }
}
