package dev.stepstream.engine.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtualTimersTest {

  @Test
  void shouldFireTimersInDueOrderAndTiesInStartOrder() {
    VirtualTimers timers = new VirtualTimers();
    timers.start("late", 300);
    timers.start("tie-1", 100);
    timers.start("tie-2", 100);

    assertThat(timers.pollNext()).contains(new VirtualTimers.Due("tie-1", 100));
    assertThat(timers.pollNext()).contains(new VirtualTimers.Due("tie-2", 100));
    assertThat(timers.pollNext()).contains(new VirtualTimers.Due("late", 300));
    assertThat(timers.pollNext()).isEmpty();
  }

  @Test
  void shouldNotFireACancelledTimer() {
    VirtualTimers timers = new VirtualTimers();
    timers.start("a", 10);
    timers.start("b", 20);
    timers.cancel("a");

    assertThat(timers.pollNext()).contains(new VirtualTimers.Due("b", 20));
    assertThat(timers.pollNext()).isEmpty();
  }

  @Test
  void shouldFireOnlyTheLatestStartOfARestartedTimer() {
    VirtualTimers timers = new VirtualTimers();
    timers.start("heartbeat", 10);
    timers.start("heartbeat", 50);

    assertThat(timers.pollNext()).contains(new VirtualTimers.Due("heartbeat", 50));
    assertThat(timers.pollNext()).isEmpty();
  }
}
