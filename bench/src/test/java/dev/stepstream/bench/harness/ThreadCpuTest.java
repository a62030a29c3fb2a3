package dev.stepstream.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void shouldGroupThreadsByTheirNames() {
    assertThat(ThreadCpu.groupOf("qtp1234567-42")).isEqualTo(ThreadCpu.Group.API);
    assertThat(ThreadCpu.groupOf("stepstream-api-await-3")).isEqualTo(ThreadCpu.Group.API);
    assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | stepstream-api-publisher-1"))
        .isEqualTo(ThreadCpu.Group.API);
    assertThat(ThreadCpu.groupOf("stepstream-api-view-bench.executions")).isEqualTo(ThreadCpu.Group.API);
    assertThat(ThreadCpu.groupOf("bench-w4-abc-StreamThread-1")).isEqualTo(ThreadCpu.Group.ENGINE);
    assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | app-1-StreamThread-1-producer"))
        .isEqualTo(ThreadCpu.Group.ENGINE);
    assertThat(ThreadCpu.groupOf("bench-http-client")).isEqualTo(ThreadCpu.Group.LOAD);
    assertThat(ThreadCpu.groupOf("kafka-producer-network-thread | producer-3")).isEqualTo(ThreadCpu.Group.OTHER);
  }

  @Test
  void shouldCountTheCpuOfAThreadInsideTheWindowOnly() throws Exception {
    ThreadCpu cpu = new ThreadCpu();
    ThreadCpu.Snapshot before = cpu.snapshot();
    Thread busy = new Thread(() -> {
      long end = System.nanoTime() + 50_000_000L;
      long x = 0;
      while (System.nanoTime() < end) {
        x += Long.numberOfTrailingZeros(System.nanoTime());
      }
      if (x == 42) {
        System.gc();
      }
      sleepQuietly();
    }, "bench-busy");
    busy.start();
    Thread.sleep(20);
    while (busy.getState() == Thread.State.RUNNABLE) {
      Thread.sleep(5);
    }

    Map<ThreadCpu.Group, Long> spent = cpu.snapshot().since(before);
    busy.join();

    assertThat(spent.get(ThreadCpu.Group.LOAD)).isGreaterThan(0L);
    assertThat(spent).containsKeys(ThreadCpu.Group.values());
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
