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
 * @param streamThreads Kafka Streams threads of the processor and of the baselines alike, or 0 for
 *     each profile's default ({@link Profile#defaultStreamThreads()})
 * @param json where to write the JSON report, or null
 * @param latencyRates the open-loop rates of B3-lat's and W3's latency probes, per second: one
 *     B3-lat and one W3 row per rate and profile, each W3 compared with the B3-lat of its rate
 * @param api starts the HTTP API for W4, or null to start W4's executions through the commands topic
 */
public record BenchOptions(boolean quick, Duration warmup, Duration measure, List<Profile> profiles,
    Set<String> scenarios, String kafka, int partitions, int streamThreads, int workerConcurrency,
    List<Double> latencyRates, Path json, Path workDir, boolean progress, ExecutionApi.Factory api) {

  public static final List<String> ALL_SCENARIOS = List.of("B0", "B1", "B2", "B3", "W1", "W2", "W3", "W4", "W5");
  public static final Duration QUICK_WARMUP = Duration.ofSeconds(3);
  public static final Duration QUICK_MEASURE = Duration.ofSeconds(4);
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(8);
  public static final Duration DEFAULT_MEASURE = Duration.ofSeconds(15);
  /** W3 at a light load and under load (ten times as many probes). */
  public static final List<Double> DEFAULT_LATENCY_RATES = List.of(200.0, 2_000.0);
  /**
   * W4 via the API: StartExecution calls outstanding at once (asynchronous HTTP, not one thread each);
   * {@code -Dstepstream.bench.w4.calls=N} offers less, to measure the CPU per execution on a machine
   * too loaded to serve 2,000 calls within the API's visibility timeout.
   */
  public static final int API_CONCURRENT_CALLS = Integer.getInteger("stepstream.bench.w4.calls", 2_000);
  /**
   * The embedded broker's JVM options: the heap of Kafka's {@code kafka-server-start.sh} and the GC
   * settings of its {@code kafka-run-class.sh}, as a broker started from Kafka's own scripts runs
   * (with {@code -Xmx1g} alone, G1 kept its heap near 300 MB and marked it concurrently every 1.5 s
   * under W3 at 2,000/s).
   */
  public static final String KAFKA_SCRIPT_BROKER_JVM_OPTIONS = "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20"
      + " -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent";
  /** {@code -Dstepstream.bench.broker.jvm="..."} replaces {@link #KAFKA_SCRIPT_BROKER_JVM_OPTIONS}. */
  public static final List<String> BROKER_JVM_OPTIONS =
      jvmOptions(System.getProperty("stepstream.bench.broker.jvm", KAFKA_SCRIPT_BROKER_JVM_OPTIONS));

  public BenchOptions {
    profiles = List.copyOf(profiles);
    latencyRates = List.copyOf(latencyRates);
    scenarios = Set.copyOf(scenarios);
    for (String s : scenarios) {
      if (!ALL_SCENARIOS.contains(s)) {
        throw new IllegalArgumentException("unknown scenario '" + s + "': use " + String.join(", ", ALL_SCENARIOS));
      }
    }
    if (partitions < 1 || streamThreads < 0 || workerConcurrency < 1 || latencyRates.isEmpty()
        || !latencyRates.stream().allMatch(rate -> rate > 0)) {
      throw new IllegalArgumentException("partitions, stream threads, worker concurrency and rates must be positive");
    }
  }

  /** The stream threads for a profile's processor and for the baselines run with its settings. */
  public int streamThreads(Profile profile) {
    return streamThreads > 0 ? streamThreads : profile.defaultStreamThreads();
  }

  public boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }

  /** Space-separated JVM options as a list (none for a blank line). */
  static List<String> jvmOptions(String line) {
    String trimmed = line.trim();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
  }
}
