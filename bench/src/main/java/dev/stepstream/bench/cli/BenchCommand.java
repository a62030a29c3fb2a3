package dev.stepstream.bench.cli;

import dev.stepstream.bench.BenchOptions;
import dev.stepstream.bench.BenchRunner;
import dev.stepstream.bench.workflow.ExecutionApi;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.server.api.ApiServer;
import dev.stepstream.server.api.ApiSettings;
import dev.stepstream.server.api.HttpLimits;
import dev.stepstream.server.api.backend.ProcessorQueries;
import dev.stepstream.wire.TopicCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    description = {
      "Measure Stepstream's throughput and latency per step next to raw Kafka, in the same run.",
      "Baselines: B0 raw producer->consumer, B1 Streams pass-through, B2 Streams get/put, B3 Streams<->echo ping-pong.",
      "Workflows: W1 10 Pass states, W2 10 Task states, W3 one-Task latency, W4 starts/s through the HTTP API",
      "(up to 2,000 asynchronous StartExecution calls outstanding), W5 Map of 10,000 items.",
      "Figures are printed as one table with ratios to the matching baseline (see docs/performance.md)."},
    mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "About 5 minutes in all instead of about 11 here (shorter windows; the report says quick).")
  boolean quick;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = "Use this broker instead of starting an embedded one in its own process.")
  String kafka;

  @Option(names = "--profile", split = ",", paramLabel = "P",
      description = "Stepstream profiles to run: exactly-once, latency, fast (default: all three).")
  List<String> profiles;

  @Option(names = "--scenarios", split = ",", paramLabel = "ID",
      description = "A subset of B0,B1,B2,B3,W1,W2,W3,W4,W5 (default: all).")
  List<String> scenarios;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
  Path json;

  @Option(names = "--warmup", paramLabel = "SECONDS", description = "Warm-up per scenario (default 8, quick 3), longer while the JIT still compiles.")
  Integer warmupSeconds;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "Measuring window per scenario (default 15, quick 4).")
  Integer measureSeconds;

  @Option(names = "--partitions", defaultValue = "6", paramLabel = "N", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--stream-threads", defaultValue = "0", paramLabel = "N",
      description = "Kafka Streams threads, for the processor and the Streams baselines alike (default: each profile's"
          + " own: 2 under latency where there are two cores, else 1).")
  int streamThreads;

  @Option(names = "--worker-concurrency", defaultValue = "32", paramLabel = "N",
      description = "Handler threads of the echo worker in W2 and W3 (default: ${DEFAULT-VALUE}).")
  int workerConcurrency;

  @Option(names = "--rate", split = ",", paramLabel = "PER_SECOND",
      description = "Open-loop rates of the latency probes in B3-lat and W3, one row each (default: 200,2000).")
  List<Double> rates;

  @Option(names = "--no-progress", description = "Do not draw the progress line.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    if (!CommonPoolFloor.apply()) {
      spec.commandLine().getErr().println("bench: CompletableFuture's default executor starts a thread per task here"
          + " (common pool parallelism 1); W4's figures will include those thread starts (docs/performance.md).");
    }
    quietKafkaLogs();
    Duration warmup = warmupSeconds != null ? Duration.ofSeconds(warmupSeconds)
        : quick ? BenchOptions.QUICK_WARMUP : BenchOptions.DEFAULT_WARMUP;
    Duration measure = measureSeconds != null ? Duration.ofSeconds(measureSeconds)
        : quick ? BenchOptions.QUICK_MEASURE : BenchOptions.DEFAULT_MEASURE;
    List<Profile> chosen = profiles == null ? Arrays.asList(Profile.values())
        : profiles.stream().map(Profile::parse).distinct().toList();
    Set<String> ids = new LinkedHashSet<>(scenarios == null ? BenchOptions.ALL_SCENARIOS
        : scenarios.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList());
    Path workDir = Files.createTempDirectory(Path.of(System.getProperty("user.dir")).resolve("target").toFile().exists()
        ? Path.of(System.getProperty("user.dir"), "target") : Path.of(System.getProperty("java.io.tmpdir")), "stepstream-bench-");
    List<Double> probeRates = rates == null ? BenchOptions.DEFAULT_LATENCY_RATES : rates;
    BenchOptions options = new BenchOptions(quick, warmup, measure, chosen, ids, kafka, partitions, streamThreads,
        workerConcurrency, probeRates, json, workDir, !noProgress, BenchCommand::startApi);
    new BenchRunner(options, spec.commandLine().getOut()).run();
    return 0;
  }

  /**
   * The AWS-compatible API on a free local port, in front of the bench's processor (for W4). Its
   * connection and in-progress limits admit W4's outstanding calls: with the defaults (1,000
   * connections, 256 requests in progress) the calls beyond them would be throttled at once and sent
   * again, and W4 would measure the admission limit instead of the API (docs/performance.md).
   */
  private static ExecutionApi startApi(String bootstrap, TopicCatalogue topics, StepstreamProcessor processor) {
    int admitted = BenchOptions.API_CONCURRENT_CALLS + 64;
    ApiServer api = ApiServer.start(ApiSettings.defaults(bootstrap, topics).withPort(0).withHttpLimits(
            HttpLimits.DEFAULTS.withMaxConnections(admitted).withMaxConcurrentRequests(admitted)),
        new ProcessorQueries(processor), processor.metrics());
    return new ExecutionApi() {
      @Override
      public String endpoint() {
        return "http://127.0.0.1:" + api.port();
      }

      @Override
      public void close() {
        api.close();
      }
    };
  }

  /** Kafka's warnings (temp state dirs, transaction retries) would break the progress line; errors still show. */
  private static void quietKafkaLogs() {
    for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
      if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(ch.qos.logback.classic.Level.ERROR);
      }
    }
  }
}
