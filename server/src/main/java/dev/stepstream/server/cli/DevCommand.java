package dev.stepstream.server.cli;

import dev.stepstream.processor.Profile;
import dev.stepstream.server.dev.DevEnvironment;
import dev.stepstream.server.dev.DevSettings;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.KafkaConnection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "dev",
    description = "Run Stepstream for development: an embedded Kafka broker (or --kafka) with every topic,"
        + " the engine, and the dev extensions on the class path (the launcher's: the image-pipeline example"
        + " with its workers).",
    mixinStandardHelpOptions = true)
final class DevCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--kafka", paramLabel = "HOST:PORT",
      description = "Use this Kafka cluster instead of starting the embedded broker.")
  String kafka;

  @Option(names = "--kafka-config", paramLabel = "FILE",
      description = "Kafka client properties (security.protocol, sasl.*, ssl.*) for every client; needs --kafka.")
  Path kafkaConfig;

  @Option(names = "--port", defaultValue = "9092", description = "Client port of the embedded broker (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where dev keeps its data between runs (default: ~/.stepstream/dev).")
  Path dataDir;

  @Option(names = "--fresh", description = "Delete the data directory first and start empty.")
  boolean fresh;

  @Option(names = "--partitions", defaultValue = "6",
      description = "Partitions of each topic the catalogue does not fix (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--topic-prefix", defaultValue = "stepstream.", description = "Topic name prefix (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(names = "--profile", defaultValue = "exactly-once",
      description = "Processor profile: exactly-once, latency or fast (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--task-topic-compression", paramLabel = "TYPE",
      description = "compression.type of new task topics: producer (keep the processor's LZ4 under exactly-once/fast), "
          + "uncompressed (for clients without an LZ4 codec, e.g. kafkajs), gzip, snappy, lz4 or zstd (default: producer).")
  String taskTopicCompression;

  @Option(names = "--kafka-only", description = "Run only Kafka and the topics (no engine, no extensions).")
  boolean kafkaOnly;

  @Option(names = "--api-port", defaultValue = "8083",
      description = "Port of the AWS-compatible API, REST, SSE and /metrics (default: ${DEFAULT-VALUE}).")
  int apiPort;

  @Option(names = "--api-host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address the API listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 inside a container whose port"
          + " is published). dev has no authentication: expose it only on a trusted network.")
  String apiHost;

  @Option(names = "--no-sample", description = "Do not run the extensions' sample executions at start.")
  boolean noSample;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    DevSettings settings = settings();
    out.println("Starting Stepstream dev" + (settings.embedded() ? " (embedded Kafka on port " + port + ")" : "") + " ...");
    out.flush();
    long started = System.nanoTime();
    DevEnvironment env = settings.engine() ? DevEnvironment.startWithApi(settings, apiHost, apiPort)
        : DevEnvironment.start(settings, apiPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      env.close();
      stopped.countDown();
    }, "stepstream-dev-shutdown"));
    env.processor().ifPresent(p -> p.whenStopped(() -> exitAfterProcessorStopped(spec.commandLine().getErr())));
    DevReport.ready(out, env, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    if (settings.engine()) {
      int api = env.apiPort().orElseThrow();
      out.printf("  API       http://%s:%d (AWS SDK/CLI endpoint; REST under /api/, metrics at /metrics)%n", apiHost, api);
      out.printf("  Console   http://%s:%d/%n", apiHost, api);
      out.flush();
    }
    if (settings.engine() && !noSample) {
      for (Optional<ExecutionSummary> sample : env.runSamples(Duration.ofSeconds(60))) {
        DevReport.sample(out, sample);
      }
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }

  /** The processor stopped by itself (its reason is logged): stop everything and exit with status 1. */
  static void exitAfterProcessorStopped(PrintWriter err) {
    err.println("The processor stopped (see the error above); stopping.");
    err.flush();
    System.exit(1);
  }

  private DevSettings settings() {
    if (partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1 but was " + partitions);
    }
    Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".stepstream", "dev");
    return new DevSettings(kafka, port, dir.toAbsolutePath(), fresh, partitions, topicPrefix, Duration.ofSeconds(30),
        !kafkaOnly, Profile.parse(profile), taskTopicCompression,
        kafkaConfig == null ? Map.of() : KafkaConnection.readProperties(kafkaConfig));
  }
}
