package dev.stepstream.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Waits in tests for something that happens asynchronously (a record on a topic, an execution
 * that finishes, a group that settles) by polling it, instead of sleeping for a guessed time.
 *
 * <p>The awaited code says "not yet" by throwing an {@link AssertionError} (an AssertJ assertion,
 * say); it is tried at once and then every {@link #POLL_INTERVAL} until it passes or the timeout
 * ends, when the wait fails with an AssertionError that carries the last one as its message and
 * cause. Any other exception ends the wait at once: an unexpected failure is not retried.
 *
 * <pre>{@code
 * Eventually.await(Duration.ofSeconds(10), () -> assertThat(worker.metrics().completed()).isEqualTo(2));
 * ExecutionSummary done = Eventually.await(Duration.ofSeconds(30), () -> finishedOrFail(arn));
 * }</pre>
 */
public final class Eventually {
  /** How long to wait between two tries. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  /** An assertion that may throw checked exceptions. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** A computation that may throw checked exceptions. */
  @FunctionalInterface
  public interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  private Eventually() {}

  /** Runs {@code assertion} until it passes; see the class comment for failures. */
  public static void await(Duration timeout, ThrowingRunnable assertion) {
    Objects.requireNonNull(assertion, "assertion");
    await(timeout, () -> {
      assertion.run();
      return null;
    });
  }

  /**
   * Calls {@code supplier} until it returns without an AssertionError, and returns what it
   * returned then (which may be null).
   */
  public static <T> T await(Duration timeout, ThrowingSupplier<T> supplier) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(supplier, "supplier");
    long start = System.nanoTime();
    int tries = 0;
    while (true) {
      AssertionError last;
      tries++;
      try {
        return supplier.get();
      } catch (AssertionError e) {
        last = e;
      } catch (RuntimeException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      } catch (Exception e) {
        throw new IllegalStateException("the awaited code failed: " + e, e);
      }
      long left = timeout.toNanos() - (System.nanoTime() - start);
      if (left <= 0) {
        throw new AssertionError("not within " + describe(timeout) + " (" + tries + " tries); last failure: "
            + last.getMessage(), last);
      }
      pause(Math.min(left, POLL_INTERVAL.toNanos()));
    }
  }

  private static void pause(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }

  private static String describe(Duration timeout) {
    return timeout.toMillis() % 1_000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
