package dev.stepstream.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyProbesTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong clock = new AtomicLong(0);
  private final LatencyProbes probes = new LatencyProbes(clock::get);

  @Test
  void shouldMeasureFromTheScheduledTimeNotFromWhenTheProbeWasSent() {
    probes.openWindow();
    probes.scheduled(1, 0);
    clock.set(30 * MS); // the probe was sent late and answered at 30 ms
    probes.completed(1);
    probes.closeWindow();

    Histogram h = probes.drain(0, () -> { });

    assertThat(h.getTotalCount()).isEqualTo(1);
    assertThat(h.getValueAtPercentile(50) / (double) MS).isBetween(29.9, 30.1);
  }

  @Test
  void shouldIgnoreProbesScheduledOutsideTheWindow() {
    probes.scheduled(1, 0);
    clock.set(10 * MS);
    probes.openWindow();
    probes.scheduled(2, 10 * MS);
    clock.set(20 * MS);
    probes.closeWindow();
    probes.scheduled(3, 20 * MS);
    probes.completed(1);
    probes.completed(2);
    probes.completed(3);

    assertThat(probes.drain(0, () -> { }).getTotalCount()).isEqualTo(1);
  }

  @Test
  void shouldRecordProbesThatNeverAnswerAtTheirAgeWhenDraining() {
    probes.openWindow();
    probes.scheduled(1, 0);
    probes.scheduled(2, 0);
    clock.set(5 * MS);
    probes.completed(1);
    probes.closeWindow();

    Histogram h = probes.drain(100 * MS, () -> clock.addAndGet(10 * MS));

    assertThat(h.getTotalCount()).isEqualTo(2);
    assertThat(h.getMaxValue() / (double) MS).isGreaterThanOrEqualTo(100);
    assertThat(probes.lost()).isEqualTo(1);
  }

  @Test
  void shouldCountADuplicateAnswerOnce() {
    probes.openWindow();
    probes.scheduled(7, 0);
    clock.set(MS);
    probes.completed(7);
    probes.completed(7);
    probes.closeWindow();

    assertThat(probes.drain(0, () -> { }).getTotalCount()).isEqualTo(1);
  }
}
