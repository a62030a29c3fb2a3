package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerPoolTest {
  private static final int SIZE = 32;
  private final HandlerPool pool = new HandlerPool(SIZE, new WorkerThreads("handler-pool-test-"));

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shouldRunEveryTaskWhenSeveralThreadsSubmitAtOnce() throws InterruptedException {
    int perSubmitter = 20_000;
    CountDownLatch done = new CountDownLatch(4 * perSubmitter);
    List<Thread> submitters = List.of(new Thread(() -> submit(perSubmitter, done)),
        new Thread(() -> submit(perSubmitter, done)), new Thread(() -> submit(perSubmitter, done)),
        new Thread(() -> submit(perSubmitter, done)));
    submitters.forEach(Thread::start);

    assertThat(done.await(30, TimeUnit.SECONDS)).as("tasks left: %d", done.getCount()).isTrue();
  }

  private void submit(int tasks, CountDownLatch done) {
    for (int i = 0; i < tasks; i++) {
      pool.execute(done::countDown);
      if (i % 64 == 0) {
        Thread.yield();
      }
    }
  }

  @Test
  void shouldRunAsManyBlockingTasksAtOnceAsItHasThreadsAndTheRestAfterThem() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(SIZE + 8);
    for (int i = 0; i < SIZE + 8; i++) {
      pool.execute(() -> {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        awaitQuietly(release);
        running.decrementAndGet();
        finished.countDown();
      });
    }

    waitUntil(() -> running.get() == SIZE);
    assertThat(finished.getCount()).isEqualTo(SIZE + 8);
    release.countDown();
    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mostAtOnce.get()).isEqualTo(SIZE);
  }

  @Test
  void shouldNotStartAThreadForEachQuickTask() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(10_000);
    submit(10_000, done);

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    // A fixed pool starts a thread for each task until it has all of them.
    assertThat(pool.threadsStarted()).isLessThan(SIZE / 2);
  }

  @Test
  void shouldInterruptRunningTasksAndReturnQueuedOnesWhenShutDownNow() throws InterruptedException {
    HandlerPool single = new HandlerPool(1, new WorkerThreads("handler-pool-single-"));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    single.execute(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    });
    Runnable queued = () -> { };
    single.execute(queued);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(single.shutdownNow()).containsExactly(queued);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(single.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(single.isTerminated()).isTrue();
    assertThatThrownBy(() -> single.execute(queued)).isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void shouldFinishQueuedTasksAndStopItsThreadsWhenShutDown() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < SIZE * 2; i++) {
      pool.execute(() -> {
        awaitQuietly(release);
        ran.incrementAndGet();
      });
    }

    pool.shutdown();
    release.countDown();

    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ran.get()).isEqualTo(SIZE * 2);
  }

  @Test
  void shouldRefuseASizeBelowOne() {
    assertThatThrownBy(() -> new HandlerPool(0, Thread::new)).hasMessageContaining("size must be at least 1, was 0");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
