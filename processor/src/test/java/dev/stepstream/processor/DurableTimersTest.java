package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DurableTimersTest {
  private static final long T0 = 1_767_225_600_000L;
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Espera:e1";
  private final MapStore<String, String> byDueTime = new MapStore<>(DurableTimers.TIMERS_STORE);
  private final MapStore<String, Long> byId = new MapStore<>(DurableTimers.INDEX_STORE);
  private final DurableTimers timers = new DurableTimers(byDueTime, byId);

  @Test
  void shouldTakeTheDueTimersEarliestFirstAndKeepTheOthers() {
    timers.start(ARN, "wait-2", T0 + 2_000);
    timers.start(ARN, "wait-1", T0 + 1_000);
    timers.startUncancellable(ARN, "cleanup", T0 + 60_000);

    List<DurableTimers.DueTimer> due = timers.takeDue(T0 + 2_000, 100);

    assertThat(due).containsExactly(new DurableTimers.DueTimer(ARN, "wait-1", T0 + 1_000),
        new DurableTimers.DueTimer(ARN, "wait-2", T0 + 2_000));
    assertThat(byDueTime.map).hasSize(1);
    assertThat(byId.map).isEmpty();
  }

  @Test
  void shouldNotReadTheStoreBeforeTheEarliestTimerIsDue() {
    timers.start(ARN, "wait", T0 + 5_000);
    assertThat(timers.takeDue(T0, 100)).isEmpty();
    int readsAfterFirstScan = byDueTime.wholeStoreReads;

    assertThat(timers.takeDue(T0 + 4_999, 100)).isEmpty();
    assertThat(byDueTime.wholeStoreReads).isEqualTo(readsAfterFirstScan);

    assertThat(timers.takeDue(T0 + 5_000, 100)).extracting(DurableTimers.DueTimer::timerId).containsExactly("wait");
    assertThat(byDueTime.wholeStoreReads).isGreaterThan(readsAfterFirstScan);
  }

  @Test
  void shouldSeeATimerStartedEarlierThanTheOnesItKnew() {
    timers.start(ARN, "late", T0 + 60_000);
    assertThat(timers.takeDue(T0, 100)).isEmpty();

    timers.start(ARN, "soon", T0 + 1_000);

    assertThat(timers.takeDue(T0 + 1_000, 100)).extracting(DurableTimers.DueTimer::timerId).containsExactly("soon");
  }

  @Test
  void shouldTakeTheRestOfTheDueTimersAtTheNextCallWhenOverTheLimit() {
    timers.start(ARN, "a", T0 + 1);
    timers.start(ARN, "b", T0 + 2);
    timers.start(ARN, "c", T0 + 3);

    assertThat(timers.takeDue(T0 + 10, 2)).extracting(DurableTimers.DueTimer::timerId).containsExactly("a", "b");
    assertThat(timers.takeDue(T0 + 10, 2)).extracting(DurableTimers.DueTimer::timerId).containsExactly("c");
  }

  @Test
  void shouldFindTimersThatWereInTheStoreBeforeItWasCreated() {
    timers.start(ARN, "restored", T0 + 1_000);
    DurableTimers afterRestart = new DurableTimers(byDueTime, byId);

    assertThat(afterRestart.takeDue(T0 + 1_000, 100)).extracting(DurableTimers.DueTimer::timerId)
        .containsExactly("restored");
  }
}
