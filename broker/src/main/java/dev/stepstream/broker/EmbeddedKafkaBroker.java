package dev.stepstream.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) running inside this JVM.
 * Used by {@code stepstream dev} and by the test fixture when no Docker daemon is reachable.
 * A data directory that already holds a formatted log is reused, so topics and records survive
 * restarts.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "localhost";
  /**
   * Override key whose value ({@code NAME://host:port[,...]}) is added to the listeners and advertised
   * listeners, beside the PLAINTEXT and CONTROLLER ones (a SASL listener, for example); give its
   * protocol in {@code listener.security.protocol.map}.
   */
  public static final String EXTRA_LISTENERS = "stepstream.extra.listeners";

  private final EmbeddedBrokerConfig config;
  private final Path logDir;
  private final int port;
  private KafkaRaftServer server;

  private EmbeddedKafkaBroker(EmbeddedBrokerConfig config, Path logDir, int port) {
    this.config = config;
    this.logDir = logDir;
    this.port = port;
  }

  /** Formats storage if needed, starts the broker and waits until it serves metadata. */
  public static EmbeddedKafkaBroker start(EmbeddedBrokerConfig config) {
    int port = config.port() == 0 ? FreePorts.pick() : config.port();
    if (!FreePorts.isFree(HOST, port)) {
      throw new BrokerStartException(
          "port " + port + " is already in use; stop what is listening there or choose another port (--port)", null);
    }
    Path logDir = prepareLogDir(config);
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config, logDir, port);
    broker.startServer();
    return broker;
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path logDir() {
    return logDir;
  }

  private static Path prepareLogDir(EmbeddedBrokerConfig config) {
    try {
      Path dir = config.dataDir() == null ? Files.createTempDirectory("stepstream-kafka-") : config.dataDir();
      if (config.fresh()) {
        deleteRecursively(dir);
      }
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new BrokerStartException("cannot prepare the Kafka data directory: " + e.getMessage(), e);
    }
  }

  private void startServer() {
    int controllerPort = FreePorts.pick();
    Properties props = brokerProperties(controllerPort);
    long started = System.nanoTime();
    try {
      formatIfNeeded(controllerPort);
      server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      awaitReady(config.readyTimeout());
    } catch (RuntimeException | Error e) {
      closeQuietly();
      throw new BrokerStartException("the embedded Kafka broker failed to start on port " + port + ": " + e.getMessage(), e);
    }
    LOG.info("Embedded Kafka ready at {} in {} ms (data in {})",
        bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDir);
  }

  private Properties brokerProperties(int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("auto.create.topics.enable", "false");
    p.putAll(config.overrides());
    Object extraListeners = p.remove(EXTRA_LISTENERS);
    if (extraListeners != null) {
      p.put("listeners", p.get("listeners") + "," + extraListeners);
      p.put("advertised.listeners", p.get("advertised.listeners") + "," + extraListeners);
    }
    return p;
  }

  private void formatIfNeeded(int controllerPort) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new BrokerStartException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          sleep(100);
        }
      }
    }
    throw new BrokerStartException("the embedded Kafka broker was not ready within " + timeout.toSeconds() + " s", null);
  }

  /** Sleeps; an interrupt while waiting for a broker is a start failure (shared by {@link DetachedBroker}). */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerStartException("interrupted while waiting for the broker", e);
    }
  }

  @Override
  public void close() {
    closeQuietly();
    if (config.dataDir() == null) {
      deleteRecursively(logDir);
    }
  }

  private void closeQuietly() {
    if (server == null) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Embedded Kafka did not shut down cleanly: {}", e.toString());
    } finally {
      server = null;
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
