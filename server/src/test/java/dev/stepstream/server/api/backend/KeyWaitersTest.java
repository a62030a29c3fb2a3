package dev.stepstream.server.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyWaitersTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  private final ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1);
  private final ExecutorService completions = Executors.newFixedThreadPool(2);
  private final KeyWaiters<String> waiters = new KeyWaiters<>(timeouts, completions);

  KeyWaitersTest() {
    timeouts.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stopExecutors() {
    timeouts.shutdownNow();
    completions.shutdownNow();
  }

  @Test
  void shouldCompleteWithTheFirstValueThatSatisfiesTheCondition() throws Exception {
    CompletableFuture<Optional<String>> done = waiters.await("a", v -> v.startsWith("SUCCEEDED"), LONG);

    waiters.offer("a", "RUNNING");
    waiters.offer("b", "SUCCEEDED b");
    assertThat(done).isNotDone();
    waiters.offer("a", "SUCCEEDED 1");
    waiters.offer("a", "SUCCEEDED 2");

    assertThat(done.get(5, TimeUnit.SECONDS)).contains("SUCCEEDED 1");
  }

  @Test
  void shouldIgnoreDeletions() {
    CompletableFuture<Optional<String>> done = waiters.await("a", v -> true, LONG);

    waiters.offer("a", null);

    assertThat(done).isNotDone();
    assertThat(waiters.size()).isEqualTo(1);
  }

  @Test
  void shouldCompleteEmptyAndForgetTheWaiterWhenTheTimeoutPasses() throws Exception {
    CompletableFuture<Optional<String>> done = waiters.await("a", v -> v.equals("never"), Duration.ofMillis(50));

    assertThat(done.get(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(waiters.size()).isZero();
    waiters.offer("a", "never");
    assertThat(done.get()).isEmpty();
  }

  @Test
  void shouldForgetTheWaiterAndItsTimeoutWhenSatisfied() throws Exception {
    CompletableFuture<Optional<String>> done = waiters.await("a", v -> true, LONG);

    waiters.offer("a", "x");

    assertThat(done.get(5, TimeUnit.SECONDS)).contains("x");
    assertThat(waiters.size()).isZero();
    assertThat(timeouts.getQueue()).isEmpty();
  }

  @Test
  void shouldForgetTheWaiterWhenTheCallerCompletesItWithAValueFoundElsewhere() {
    CompletableFuture<Optional<String>> done = waiters.await("a", v -> true, LONG);

    done.complete(Optional.of("from the store"));

    assertThat(waiters.size()).isZero();
    assertThat(timeouts.getQueue()).isEmpty();
  }

  @Test
  void shouldCompleteEveryWaiterOfTheSameKeyThatTheValueSatisfies() throws Exception {
    Queue<CompletableFuture<Optional<String>>> anyValue = new ConcurrentLinkedQueue<>();
    Queue<CompletableFuture<Optional<String>>> finished = new ConcurrentLinkedQueue<>();
    registerConcurrently(8, 25, () -> {
      anyValue.add(waiters.await("a", v -> true, LONG));
      finished.add(waiters.await("a", v -> !v.equals("RUNNING"), LONG));
    });

    waiters.offer("a", "RUNNING");
    CompletableFuture.allOf(anyValue.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(anyValue).hasSize(200).allSatisfy(f -> assertThat(f.join()).contains("RUNNING"));
    assertThat(finished).hasSize(200).noneMatch(CompletableFuture::isDone);
    assertThat(waiters.size()).isEqualTo(200);

    waiters.offer("a", "SUCCEEDED");
    CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(finished).allSatisfy(f -> assertThat(f.join()).contains("SUCCEEDED"));
    assertThat(waiters.size()).isZero();
    assertThat(timeouts.getQueue()).isEmpty();
  }

  private static void registerConcurrently(int threads, int timesEach, Runnable register) throws InterruptedException {
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      callers.execute(() -> {
        awaitQuietly(go);
        for (int i = 0; i < timesEach; i++) {
          register.run();
        }
      });
    }
    go.countDown();
    callers.shutdown();
    assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void shouldRunCompletionsOnTheCompletionExecutorNotTheOfferingThread() throws Exception {
    CompletableFuture<Optional<String>> done = waiters.await("a", v -> true, LONG);
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    CompletableFuture<Void> followUp = done.thenRun(() -> ranOn.set(Thread.currentThread()));

    waiters.offer("a", "x");

    followUp.get(5, TimeUnit.SECONDS);
    assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
  }

  @Test
  void shouldFailEveryWaiterWhenClosing() {
    CompletableFuture<Optional<String>> first = waiters.await("a", v -> true, LONG);
    CompletableFuture<Optional<String>> second = waiters.await("b", v -> true, LONG);

    waiters.failAll(new IllegalStateException("closing"));

    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompletedExceptionally();
    assertThat(waiters.size()).isZero();
    assertThat(timeouts.getQueue()).isEmpty();
  }
}
