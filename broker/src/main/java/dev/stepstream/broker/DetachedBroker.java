package dev.stepstream.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent embedded broker in its own process ({@link BrokerDaemon}) that outlives whoever
 * started it: if that process is killed, the broker keeps running and the next start on the same
 * data directory reuses it instead of starting a second one. {@link #close()} stops it cleanly.
 */
public final class DetachedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DetachedBroker.class);
  private static final int LOG_TAIL_LINES = 15;

  private final ProcessHandle process;
  private final String bootstrapServers;
  private final boolean reused;

  private DetachedBroker(ProcessHandle process, String bootstrapServers, boolean reused) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
    this.reused = reused;
  }

  /**
   * The broker of {@code dataDir}: the one still running from an earlier start, or a new process on
   * {@code port}, logging to {@code logFile}; waits up to {@code timeout} for it to be ready.
   */
  public static DetachedBroker startOrReuse(int port, Path dataDir, Path logFile, Duration timeout) {
    Path stateFile = stateFile(dataDir);
    Optional<DetachedBroker> running = running(stateFile);
    if (running.isPresent()) {
      LOG.info("Reusing the Kafka broker still running from a previous start (pid {}, {})",
          running.get().process.pid(), running.get().bootstrapServers);
      return running.get();
    }
    return start(port, dataDir, stateFile, logFile, timeout);
  }

  /** Where the broker of {@code dataDir} records its pid and address while it runs. */
  public static Path stateFile(Path dataDir) {
    return dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-broker.pid");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** True when an earlier start's broker was found running and taken over. */
  public boolean reused() {
    return reused;
  }

  public long pid() {
    return process.pid();
  }

  private static DetachedBroker start(int port, Path dataDir, Path stateFile, Path logFile, Duration timeout) {
    if (!FreePorts.isFree("localhost", port)) {
      throw new BrokerStartException("port " + port + " is already in use; stop what is listening there or choose"
          + " another port (--port)", null);
    }
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx768m", "-cp",
        System.getProperty("java.class.path"), BrokerDaemon.class.getName(),
        Integer.toString(port), dataDir.toAbsolutePath().toString(), stateFile.toString(),
        Long.toString(Math.max(1, timeout.toSeconds()))));
    Process process;
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Files.deleteIfExists(stateFile);
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new BrokerStartException("cannot start the Kafka broker process: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<DetachedBroker> ready = running(stateFile);
      if (ready.isPresent()) {
        return ready.get().asNew();
      }
      if (!process.isAlive()) {
        throw new BrokerStartException("the Kafka broker process exited with status " + process.exitValue()
            + " before it was ready; see " + logFile + logTail(logFile), null);
      }
      EmbeddedKafkaBroker.sleep(100);
    }
    process.destroyForcibly();
    throw new BrokerStartException("the Kafka broker process was not ready within " + timeout.toSeconds()
        + " s; see " + logFile, null);
  }

  /** The last lines of the broker's log, so that a failed start says why without opening the file. */
  static String logTail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
      return tail.isEmpty() ? "" : "; it ends with:\n  " + String.join("\n  ", tail);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private DetachedBroker asNew() {
    return new DetachedBroker(process, bootstrapServers, false);
  }

  private static Optional<DetachedBroker> running(Path stateFile) {
    if (!Files.exists(stateFile)) {
      return Optional.empty();
    }
    String[] parts;
    try {
      parts = Files.readString(stateFile, StandardCharsets.UTF_8).trim().split(" ");
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<ProcessHandle> process = parts.length == 2 ? parsePid(parts[0]).flatMap(ProcessHandle::of)
        : Optional.empty();
    if (process.isEmpty() || !process.get().isAlive() || !answers(parts[1])) {
      return Optional.empty();
    }
    return Optional.of(new DetachedBroker(process.get(), parts[1], true));
  }

  private static Optional<Long> parsePid(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean answers(String bootstrapServers) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
      return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  /** Stops the broker cleanly (SIGTERM), forcibly after 60 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      process.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("The Kafka broker (pid {}) did not stop within 60 s; killing it", process.pid());
      process.destroyForcibly();
    }
  }
}
