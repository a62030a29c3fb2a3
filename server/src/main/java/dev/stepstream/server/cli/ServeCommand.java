package dev.stepstream.server.cli;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.integrations.IntegrationRunner;
import dev.stepstream.processor.integrations.IntegrationSettings;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.ApiServer;
import dev.stepstream.server.api.ApiSettings;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.auth.AccessKeys;
import dev.stepstream.server.security.TokenKeyFile;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    description = "Run the processor and the AWS-compatible API against an existing Kafka cluster.",
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "The Kafka bootstrap servers.")
  String kafka;

  @Option(names = "--kafka-config", paramLabel = "FILE", description = KAFKA_CONFIG_HELP)
  Path kafkaConfig;

  static final String KAFKA_CONFIG_HELP = "Kafka client properties (security.protocol, sasl.*, ssl.*) for every Kafka"
      + " client; see docs/security.md.";

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the API listens on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = {"--port", "--api-port"}, defaultValue = "8083", description = "API port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--advertised-host", paramLabel = "HOST",
      description = "Host name other instances reach this API at (default: --host, or this machine's name when"
          + " --host is a wildcard address). Instances with the same Kafka cluster and topics share the work and"
          + " forward execution queries to the instance that owns the execution.")
  String advertisedHost;

  @Option(names = "--closed-execution-retention", paramLabel = "DURATION", converter = RetentionConverter.class,
      description = "How long closed executions and their history are kept, ISO-8601 (default: P90D, as AWS;"
          + " or the system property " + ProcessorConfig.RETENTION_PROPERTY + ").")
  Duration closedExecutionRetention;

  @Option(names = "--region", defaultValue = Arns.DEFAULT_REGION, description = "Region in ARNs (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--account", defaultValue = Arns.DEFAULT_ACCOUNT, description = "Account in ARNs (default: ${DEFAULT-VALUE}).")
  String account;

  @Option(names = "--topic-prefix", defaultValue = "stepstream.", description = "Topic name prefix (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Processor state (default: ~/.stepstream/serve).")
  Path stateDir;

  @Option(names = "--profile", defaultValue = "EXACTLY_ONCE", description = "EXACTLY_ONCE, LATENCY or FAST (default: ${DEFAULT-VALUE}).")
  Profile profile;

  @Option(names = "--application-id", defaultValue = "stepstream", paramLabel = "ID",
      description = "Kafka Streams application id: instances with the same id share the work; two deployments on one"
          + " cluster need different ids and different --topic-prefix (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(names = "--instance-id", paramLabel = "ID",
      description = "Static group member id of this instance, unique within the deployment, so a restart takes its"
          + " partitions back at once (default: <advertised host>-<port>).")
  String instanceId;

  @Option(names = "--token-keys", paramLabel = "FILE",
      description = "Task token signing keys, shared by every instance; created with a new key when missing"
          + " (default: ~/.stepstream/token-keys). See docs/security.md for rotation.")
  Path tokenKeys;

  @Option(names = "--auth", defaultValue = "sigv4", paramLabel = "MODE",
      description = "sigv4: requests must be signed (AWS Signature Version 4) or carry a bearer, with a key from"
          + " --access-keys; none: no authentication (default: ${DEFAULT-VALUE}).")
  String auth;

  @Option(names = "--access-keys", paramLabel = "FILE",
      description = "API access keys, lines '<access key id> <secret> [read-only|operator]'; created with one new"
          + " key, printed once, when missing and no key is set in STEPSTREAM_ACCESS_KEY_ID and"
          + " STEPSTREAM_SECRET_ACCESS_KEY (default: ~/.stepstream/access-keys). See docs/security.md.")
  Path accessKeys;

  static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);

  @Option(names = "--task-topic-compression", paramLabel = "TYPE",
      description = "compression.type of new task topics: producer (keep the processor's LZ4 under exactly-once/fast), "
          + "uncompressed (for clients without an LZ4 codec, e.g. kafkajs), gzip, snappy, lz4 or zstd (default: producer).")
  String taskTopicCompression;

  @picocli.CommandLine.Mixin HttpLimitOptions httpLimits;

  @Option(names = "--otlp-endpoint", paramLabel = "URL",
      description = "Export spans over OTLP/HTTP to this URL, e.g. http://localhost:4318/v1/traces (default: off).")
  String otlpEndpoint;

  @Override
  public Integer call() throws InterruptedException {
    OtlpTracing tracing = otlpEndpoint == null ? null : OtlpTracing.create(otlpEndpoint).installGlobally();
    TopicCatalogue topics = TopicCatalogue.load(topicPrefix).withTaskTopicCompression(taskTopicCompression);
    AccessKeys apiKeys = accessKeys();
    KafkaConnection connection = KafkaConnection.load(kafka, kafkaConfig);
    try (TopicProvisioner provisioner = new TopicProvisioner(connection, topics, 6, (short) -1)) {
      provisioner.awaitReachable(Duration.ofSeconds(30));
      provisioner.ensureCatalogueTopics();
    }
    Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".stepstream", "serve");
    Path keys = tokenKeys != null ? tokenKeys : Path.of(System.getProperty("user.home"), ".stepstream", "token-keys");
    ProcessorConfig config = new ProcessorConfig(kafka, applicationId, topics, dir.toAbsolutePath(), profile,
        profile.defaultStreamThreads(),
        Duration.ofMillis(50), Map.of())
        .withApplicationServer(port > 0 ? advertisedHost() + ":" + port : null)
        .withTokenKeys(TokenKeyFile.loadOrCreate(keys))
        .withStaticMembership(instanceId(), SESSION_TIMEOUT)
        .withKafka(connection)
        .withClosedExecutionRetention(
            closedExecutionRetention != null ? closedExecutionRetention : ProcessorConfig.defaultRetention());
    // The API starts (its views read their topics) while the processor restores its state;
    // /health/ready answers 503 until the processor is RUNNING.
    StepstreamProcessor processor = StepstreamProcessor.launch(config, EngineOptions.defaults());
    IntegrationRunner integrations;
    try {
      integrations = IntegrationRunner.start(connection, topics, config.applicationId(),
          config.applicationServer() == null ? "local" : config.applicationServer().replace(':', '-'),
          IntegrationSettings.fromProperties(topics.prefix(), System.getProperties()));
    } catch (RuntimeException e) {
      processor.close();
      throw e;
    }
    ApiServer api;
    try {
      api = ApiServer.start(ApiSettings.defaults(kafka, topics).withHost(host).withPort(port)
          .withArns(new Arns(region, account)).withAccessKeys(apiKeys).withHttpLimits(httpLimits.limits()), processor);
    } catch (RuntimeException e) {
      integrations.close();
      processor.close();
      throw e;
    }
    try {
      processor.awaitRunning(Duration.ofSeconds(120));
    } catch (RuntimeException e) {
      api.close();
      integrations.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      integrations.close();
      processor.close();
      if (tracing != null) {
        tracing.close();
      }
      stopped.countDown();
    }, "stepstream-serve-shutdown"));
    processor.whenStopped(() -> DevCommand.exitAfterProcessorStopped(spec.commandLine().getErr()));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Stepstream API on http://%s:%d (AWS endpoint), processor on %s. Press Ctrl-C to stop.%n",
        host, api.port(), kafka);
    out.flush();
    stopped.await();
    return 0;
  }

  /** The API's access keys, or null with {@code --auth none}; a new key file's key is printed once. */
  private AccessKeys accessKeys() {
    if (auth.equals("none")) {
      return null;
    }
    if (!auth.equals("sigv4")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--auth must be sigv4 or none, not '" + auth + "'");
    }
    Path file = accessKeys != null ? accessKeys : Path.of(System.getProperty("user.home"), ".stepstream", "access-keys");
    PrintWriter out = spec.commandLine().getOut();
    return ServeAccessKeys.resolve(System.getenv(), file, key -> {
      out.printf("Created %s with a new access key (shown only this once):%n  access key id:     %s%n"
          + "  secret access key: %s%nUse them as AWS credentials in an AWS SDK or the AWS CLI, as"
          + " STEPSTREAM_ACCESS_KEY_ID/STEPSTREAM_SECRET_ACCESS_KEY for the stepstream CLI, or as"
          + " 'Authorization: Bearer <id>:<secret>' on /api/ (docs/security.md).%n", file, key.id(), key.secret());
      out.flush();
    });
  }

  private String instanceId() {
    if (instanceId != null) {
      return instanceId;
    }
    return (advertisedHost() + "-" + port).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private String advertisedHost() {
    if (advertisedHost != null) {
      return advertisedHost;
    }
    if (!host.equals("0.0.0.0") && !host.equals("::") && !host.equals("[::]")) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--host " + host + " needs --advertised-host: " + e.getMessage(), e);
    }
  }

  /** Picocli converter for ISO-8601 durations such as P90D or PT12H. */
  static final class RetentionConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Duration.parse(value.trim());
    }
  }
}
