package dev.stepstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void shouldReturnAtOnceWhenTheAssertionAlreadyPasses() {
    long start = System.nanoTime();

    Eventually.await(Duration.ofSeconds(5), () -> assertThat(calls.incrementAndGet()).isEqualTo(1));

    assertThat(calls).hasValue(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void shouldRetryUntilTheAssertionPasses() {
    Eventually.await(Duration.ofSeconds(5), () -> assertThat(calls.incrementAndGet()).isGreaterThanOrEqualTo(3));

    assertThat(calls).hasValue(3);
  }

  @Test
  void shouldReturnTheValueOfTheFirstPassingTry() {
    String value = Eventually.await(Duration.ofSeconds(5), () -> {
      int n = calls.incrementAndGet();
      assertThat(n).as("tries").isEqualTo(2);
      return "done after " + n;
    });

    assertThat(value).isEqualTo("done after 2");
  }

  @Test
  void shouldFailAfterTheTimeoutWithTheLastAssertionError() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> Eventually.await(Duration.ofMillis(200),
        () -> assertThat(calls.incrementAndGet()).as("calls").isNegative()))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("not within 200 ms (")
        .hasMessageContaining("last failure: [calls]")
        .cause().isInstanceOf(AssertionError.class).hasMessageContaining("[calls]");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(calls.get()).isGreaterThan(2);
  }

  @Test
  void shouldTryOnceEvenWithoutTime() {
    assertThatThrownBy(() -> Eventually.await(Duration.ZERO, () -> {
      calls.incrementAndGet();
      throw new AssertionError("never");
    })).hasMessageContaining("(1 tries); last failure: never");
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldNotRetryOtherExceptions() {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(() -> Eventually.await(Duration.ofSeconds(5), () -> {
      calls.incrementAndGet();
      throw boom;
    })).isSameAs(boom);
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldWrapCheckedExceptionsWithoutRetrying() {
    assertThatThrownBy(() -> Eventually.await(Duration.ofSeconds(5), () -> {
      calls.incrementAndGet();
      throw new IOException("disk");
    })).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(IOException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void shouldStopWaitingWhenInterrupted() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Eventually.await(Duration.ofSeconds(5), () -> {
        throw new AssertionError("not yet");
      })).isInstanceOf(AssertionError.class).hasMessage("interrupted while waiting");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
