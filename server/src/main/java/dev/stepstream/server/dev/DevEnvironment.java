package dev.stepstream.server.dev;

import dev.stepstream.broker.DetachedBroker;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.integrations.IntegrationRunner;
import dev.stepstream.processor.integrations.IntegrationSettings;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.ApiServer;
import dev.stepstream.server.api.ApiSettings;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.security.TokenKeyFile;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code stepstream dev} runs, started in dependency order and stopped in reverse: the
 * Kafka broker (embedded unless {@code --kafka} is given), the catalogue topics, the processor and
 * its integration runner (the built-in {@code kafka:publish}, SNS, SQS and EventBridge tasks), and the
 * {@link DevExtension}s (in the launcher jar: the image-pipeline example and its workers).
 */
public final class DevEnvironment implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevEnvironment.class);
  /** After a crash the broker first recovers its logs; on a busy machine that alone can take minutes. */
  private static final Duration BROKER_READY_TIMEOUT = Duration.ofSeconds(300);

  private final DevSettings settings;
  private final TopicCatalogue catalogue;
  private final String advertisedApi;
  private final List<AutoCloseable> running = new ArrayList<>();
  private String bootstrapServers;
  private KafkaConnection kafka;
  private List<String> topics = List.of();
  private StepstreamProcessor processor;
  private final List<DevExtension.Started> extensions = new ArrayList<>();
  private ApiServer api;

  private DevEnvironment(DevSettings settings, String advertisedApi) {
    this.settings = settings;
    this.advertisedApi = advertisedApi;
    this.catalogue = TopicCatalogue.load(settings.topicPrefix())
        .withTaskTopicCompression(settings.taskTopicCompression());
  }

  /** Starts everything, with the installed extensions; on failure, stops what had started and rethrows. */
  public static DevEnvironment start(DevSettings settings) {
    return start(settings, 0);
  }

  /**
   * Starts everything, with the {@linkplain DevExtension#installed() installed} extensions; the
   * processor advertises {@code 127.0.0.1:apiPort} as its API (Kafka Streams
   * {@code application.server}) so instances sharing a cluster route queries to each other; 0: none.
   */
  public static DevEnvironment start(DevSettings settings, int apiPort) {
    return start(settings, apiPort, DevExtension.installed());
  }

  /** Starts everything with the given extensions (started only when the engine runs). */
  public static DevEnvironment start(DevSettings settings, int apiPort, List<DevExtension> extensions) {
    return start(settings, null, apiPort, extensions);
  }

  /**
   * Starts everything, and the API on {@code apiHost:apiPort} (when the engine runs) while the
   * processor restores its state, so that reading the API's views and restoring overlap; the API's
   * {@code /health/ready} answers 503 until the processor is RUNNING. Returns once it is.
   */
  public static DevEnvironment startWithApi(DevSettings settings, String apiHost, int apiPort) {
    return start(settings, apiHost, apiPort, DevExtension.installed());
  }

  private static DevEnvironment start(DevSettings settings, String apiHost, int apiPort,
      List<DevExtension> extensions) {
    if (settings.fresh()) {
      DataDirectory.delete(settings.dataDir());
    }
    DevEnvironment env = new DevEnvironment(settings, apiPort > 0 ? "127.0.0.1:" + apiPort : null);
    try {
      env.startKafka();
      env.createTopics();
      if (settings.engine()) {
        env.startProcessor(apiHost, apiPort);
        env.startExtensions(extensions);
      }
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void startKafka() {
    if (settings.embedded()) {
      // In its own process, so that killing dev (even with kill -9) never kills the broker in the middle
      // of a transaction; a broker left running by a killed dev is reused.
      DetachedBroker broker = DetachedBroker.startOrReuse(settings.port(), settings.kafkaDataDir(),
          settings.dataDir().resolve("logs").resolve("kafka.log"), BROKER_READY_TIMEOUT);
      running.add(broker);
      bootstrapServers = broker.bootstrapServers();
    } else {
      bootstrapServers = settings.kafka();
    }
    kafka = new KafkaConnection(bootstrapServers, settings.kafkaClientProperties());
  }

  private void createTopics() {
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka, catalogue, settings.partitions(), (short) -1)) {
      provisioner.awaitReachable(settings.kafkaTimeout());
      topics = provisioner.ensureCatalogueTopics();
    }
  }

  /** Starts the processor, and the API beside it when {@code apiHost} is given, and waits until it runs. */
  private void startProcessor(String apiHost, int apiPort) {
    ProcessorConfig config = new ProcessorConfig(bootstrapServers, "stepstream-dev", catalogue,
        settings.stateDir(), settings.profile(), settings.profile().defaultStreamThreads(), Duration.ofMillis(50),
        Map.of())
        .withApplicationServer(advertisedApi)
        .withTokenKeys(TokenKeyFile.loadOrCreate(settings.tokenKeysFile()))
        .withStaticMembership(settings.instanceId(), DevSettings.SESSION_TIMEOUT)
        .withKafka(kafka);
    processor = StepstreamProcessor.launch(config, EngineOptions.defaults());
    if (apiHost != null) {
      try {
        startApi(apiHost, apiPort);
      } catch (RuntimeException e) {
        processor.close();
        throw e;
      }
    }
    processor.awaitRunning(Duration.ofSeconds(60));
    running.add(processor);
    running.add(IntegrationRunner.start(kafka, catalogue, config.applicationId(),
        advertisedApi == null ? "local" : advertisedApi.replace(':', '-'),
        IntegrationSettings.fromProperties(catalogue.prefix(), System.getProperties())));
  }

  private void startExtensions(List<DevExtension> installed) {
    if (!kafka.clientProperties().isEmpty() && !installed.isEmpty()) {
      // Extensions get only the bootstrap servers (DevContext), so they could not authenticate.
      LOG.warn("Not starting the dev extensions (example pipeline): they do not take --kafka-config settings yet");
      return;
    }
    DevContext context = new DevContext(bootstrapServers, catalogue, settings.dataDir(),
        Arns.DEFAULT_REGION, Arns.DEFAULT_ACCOUNT);
    for (DevExtension extension : installed) {
      DevExtension.Started started = extension.start(context);
      extensions.add(started);
      running.add(started);
    }
  }

  /**
   * Starts the AWS-compatible HTTP API (and REST, SSE, /metrics) on {@code port} (0: any free port)
   * over the running processor; returns the port. Stopped with the environment.
   */
  public int startApi(String host, int port) {
    StepstreamProcessor owner = processor().orElseThrow(() -> new IllegalStateException("the API needs the processor"));
    api = ApiServer.start(ApiSettings.defaults(bootstrapServers, catalogue).withHost(host).withPort(port), owner);
    running.add(api);
    return api.port();
  }

  /**
   * Runs the extensions' sample executions, one after the other; one entry per sample, empty where
   * the execution did not finish within {@code timeout}.
   */
  public List<Optional<ExecutionSummary>> runSamples(Duration timeout) {
    List<Optional<ExecutionSummary>> results = new ArrayList<>();
    for (DevExtension.Started extension : extensions) {
      extension.sample().ifPresent(sample -> results.add(sample.run(timeout)));
    }
    return results;
  }

  /** The port the API listens on; empty when it was not started. */
  public Optional<Integer> apiPort() {
    return Optional.ofNullable(api).map(ApiServer::port);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public List<String> topics() {
    return topics;
  }

  public DevSettings settings() {
    return settings;
  }

  public Optional<StepstreamProcessor> processor() {
    return Optional.ofNullable(processor);
  }

  /** The ready-report lines of the running extensions, in start order. */
  public List<DevExtension.Row> extensionReport() {
    return extensions.stream().flatMap(e -> e.report().stream()).toList();
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.warn("Could not stop {} cleanly: {}", running.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    running.clear();
    extensions.clear();
  }
}
