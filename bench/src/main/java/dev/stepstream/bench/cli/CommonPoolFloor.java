package dev.stepstream.bench.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Keeps {@code CompletableFuture}'s default executor a pool. With one or two CPUs the common
 * ForkJoinPool has a parallelism of 1, and {@code CompletableFuture} then runs every default-async
 * task on a new thread. The JDK HttpClient completes each {@code sendAsync} that way, so on a 2-core
 * machine each API call of the load generator cost a thread start (about 20,000 in a W4 run; see
 * docs/performance.md). That is where it was measured, so only {@link BenchCommand} applies it, first
 * thing; other commands keep the JDK's choice. The property only works when set before
 * {@code CompletableFuture} is first used; an explicit {@code -D} setting wins.
 */
final class CommonPoolFloor {
  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
  static final int MINIMUM = 2;

  private CommonPoolFloor() {}

  /**
   * Sets the floor when needed; returns whether {@code CompletableFuture}'s default executor is a pool
   * afterwards (false: it was set up before this call, or {@code -D} chose a parallelism of 1).
   */
  static boolean apply() {
    String chosen = parallelism(System.getProperty(PARALLELISM), Runtime.getRuntime().availableProcessors());
    if (chosen != null) {
      System.setProperty(PARALLELISM, chosen);
    }
    return new CompletableFuture<Void>().defaultExecutor() instanceof ForkJoinPool;
  }

  /** The parallelism to set, or null to leave the JDK's choice (CPUs - 1) or the user's setting alone. */
  static String parallelism(String configured, int processors) {
    if (configured != null || processors - 1 >= MINIMUM) {
      return null;
    }
    return Integer.toString(MINIMUM);
  }
}
