package dev.stepstream.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent embedded broker as a process of its own ({@link DetachedBroker} starts it), so
 * that killing the engine never kills the broker in the middle of a transaction. It runs until it
 * is sent SIGTERM (or SIGINT), then shuts down cleanly. After an unclean shutdown of the previous
 * broker on the same directory it aborts the transactions that shutdown left hanging. When ready
 * it writes {@code <pid> <host:port>} to its state file, which it deletes when it stops.
 *
 * <p>Arguments: {@code <port> <data dir> <state file> [<ready timeout seconds>]}. The timeout is the
 * starter's own, so that the broker never gives up on a slow log recovery before its starter does.
 */
public final class BrokerDaemon {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerDaemon.class);
  /** The file Kafka leaves in a log directory after a clean shutdown (and removes at start). */
  static final String CLEAN_SHUTDOWN_MARKER = ".kafka_cleanshutdown";

  private BrokerDaemon() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 && args.length != 4) {
      System.err.println("usage: BrokerDaemon <port> <data dir> <state file> [<ready timeout seconds>]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path dataDir = Path.of(args[1]);
    Path stateFile = Path.of(args[2]);
    EmbeddedBrokerConfig config = EmbeddedBrokerConfig.persistent(port, dataDir, false);
    if (args.length == 4) {
      config = config.withReadyTimeout(Duration.ofSeconds(Long.parseLong(args[3])));
    }
    boolean unclean = Files.exists(dataDir.resolve("meta.properties"))
        && !Files.exists(dataDir.resolve(CLEAN_SHUTDOWN_MARKER));
    EmbeddedKafkaBroker broker = startOrExit(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      deleteQuietly(stateFile);
    }, "stepstream-broker-shutdown"));
    if (unclean) {
      repair(broker.bootstrapServers());
    }
    writeAtomically(stateFile, ProcessHandle.current().pid() + " " + broker.bootstrapServers() + "\n");
    Thread.currentThread().join();
  }

  /** Starts the broker; on failure logs the stack and ends with a one-line reason (the log's tail shows it). */
  private static EmbeddedKafkaBroker startOrExit(EmbeddedBrokerConfig config) {
    try {
      return EmbeddedKafkaBroker.start(config);
    } catch (RuntimeException e) {
      LOG.error("The Kafka broker failed to start", e);
      StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
      for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
        reason.append(" <- ").append(cause);
      }
      System.err.println("stepstream broker: failed to start: " + reason);
      System.exit(1);
      return null;
    }
  }

  /**
   * Aborts the transactions an unclean shutdown left hanging. Partitions may have no leader for a
   * moment after the restart, so this retries for a minute before it gives up (loudly).
   */
  static void repair(String bootstrapServers) throws InterruptedException {
    LOG.warn("The previous broker on this directory did not shut down cleanly; looking for hanging transactions");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      HangingTransactions hanging = new HangingTransactions(admin, Duration.ofSeconds(10));
      while (true) {
        try {
          int aborted = hanging.abortAll().size();
          LOG.warn("Aborted {} hanging transaction(s) after the unclean shutdown", aborted);
          return;
        } catch (RuntimeException e) {
          if (System.nanoTime() > deadline) {
            LOG.error("Could not check for hanging transactions: {}. If the engine does not start, abort them with"
                + " kafka-transactions.sh find-hanging / abort", e.getMessage());
            return;
          }
          LOG.info("Not yet able to check for hanging transactions ({}); retrying", e.getMessage());
          Thread.sleep(1_000);
        }
      }
    }
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", file, e.getMessage());
    }
  }
}
