package dev.stepstream.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class NamedThreadsCpuTest {
  @Test
  void shouldCountOnlyTheCpuOfThreadsNamedWithTheMarker() throws Exception {
    CountDownLatch spun = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread busy = new Thread(() -> {
      long end = System.nanoTime() + 50_000_000L;
      long x = 0;
      while (System.nanoTime() < end) {
        x += System.identityHashCode(this);
      }
      spun.countDown();
      awaitQuietly(release);
    }, "app-x1-StreamThread-1");
    busy.start();
    spun.await();

    long marked = new NamedThreadsCpu("app-x1").nanos();
    long unmarked = new NamedThreadsCpu("no-such-thread-name").nanos();
    release.countDown();
    busy.join();

    assertThat(marked).isGreaterThan(1_000_000L);
    assertThat(unmarked).isZero();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
