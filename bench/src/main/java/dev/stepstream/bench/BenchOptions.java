package dev.stepstream.bench;

import dev.stepstream.bench.workflow.ExecutionApi;
import dev.stepstream.processor.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@code stepstream bench} runs.
 *
 * @param kafka an existing broker's bootstrap servers, or null to spawn an embedded broker process
 * @param scenarios ids among B0 B1 B2 B3 W1 W2 W3 W4 W5
 * @param json where to write the JSON report, or null
 * @param latencyRate the open-loop rate of B3's and W3's latency probes, per second
 * @param api starts the HTTP API for W4, or null to start W4's executions through the commands topic
 */
public record BenchOptions(boolean quick, Duration warmup, Duration measure, List<Profile> profiles,
    Set<String> scenarios, String kafka, int partitions, int streamThreads, int workerConcurrency,
    double latencyRate, Path json, Path workDir, boolean progress, ExecutionApi.Factory api) {

  public static final List<String> ALL_SCENARIOS = List.of("B0", "B1", "B2", "B3", "W1", "W2", "W3", "W4", "W5");
  public static final Duration QUICK_WARMUP = Duration.ofSeconds(3);
  public static final Duration QUICK_MEASURE = Duration.ofSeconds(4);
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(8);
  public static final Duration DEFAULT_MEASURE = Duration.ofSeconds(15);
  /**
   * W4 via the API: StartExecution calls outstanding at once (asynchronous HTTP, not one thread each);
   * {@code -Dstepstream.bench.w4.calls=N} offers less, to measure the CPU per execution on a machine
   * too loaded to serve 2,000 calls within the API's visibility timeout.
   */
  public static final int API_CONCURRENT_CALLS = Integer.getInteger("stepstream.bench.w4.calls", 2_000);

  public BenchOptions {
    profiles = List.copyOf(profiles);
    scenarios = Set.copyOf(scenarios);
    for (String s : scenarios) {
      if (!ALL_SCENARIOS.contains(s)) {
        throw new IllegalArgumentException("unknown scenario '" + s + "': use " + String.join(", ", ALL_SCENARIOS));
      }
    }
    if (partitions < 1 || streamThreads < 1 || workerConcurrency < 1 || !(latencyRate > 0)) {
      throw new IllegalArgumentException("partitions, stream threads, worker concurrency and rate must be positive");
    }
  }

  public boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }
}
