package dev.stepstream.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenLoopSchedulerTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final List<Long> sent = new ArrayList<>();

  @Test
  void shouldScheduleSendsAtFixedIntervalsFromTheStart() {
    OpenLoopScheduler scheduler = new OpenLoopScheduler(200, sent::add, clock::get);

    assertThat(scheduler.scheduledTime(0)).isEqualTo(1_000_000_000L);
    assertThat(scheduler.scheduledTime(1)).isEqualTo(1_005_000_000L);
    assertThat(scheduler.scheduledTime(200)).isEqualTo(2_000_000_000L);
  }

  @Test
  void shouldFireOnlyTheSendsThatAreDue() {
    OpenLoopScheduler scheduler = new OpenLoopScheduler(100, sent::add, clock::get);

    assertThat(scheduler.fireDue(clock.get())).isEqualTo(1);
    assertThat(scheduler.fireDue(clock.get() + 9_999_999)).isZero();
    assertThat(scheduler.fireDue(clock.get() + 10_000_000)).isEqualTo(1);
    assertThat(sent).containsExactly(1_000_000_000L, 1_010_000_000L);
  }

  @Test
  void shouldCatchUpAfterAStallWithTheOriginalScheduledTimes() {
    OpenLoopScheduler scheduler = new OpenLoopScheduler(100, sent::add, clock::get);
    scheduler.fireDue(clock.get());

    // the sender stalls for 50 ms: the five overdue sends go out at once, stamped with their schedule
    int fired = scheduler.fireDue(clock.get() + 50_000_000);

    assertThat(fired).isEqualTo(5);
    assertThat(sent).containsExactly(1_000_000_000L, 1_010_000_000L, 1_020_000_000L, 1_030_000_000L,
        1_040_000_000L, 1_050_000_000L);
    assertThat(scheduler.fired()).isEqualTo(6);
  }

  @Test
  void shouldKeepTheRateOnARealThread() throws InterruptedException {
    AtomicLong count = new AtomicLong();
    try (OpenLoopScheduler scheduler = new OpenLoopScheduler(1_000, t -> count.incrementAndGet(), System::nanoTime)
        .startThread("test-scheduler")) {
      Thread.sleep(300);
    }
    assertThat(count.get()).isBetween(200L, 400L);
  }

  @Test
  void shouldRejectANonPositiveRate() {
    assertThatThrownBy(() -> new OpenLoopScheduler(0, sent::add, clock::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
