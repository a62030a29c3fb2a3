package dev.stepstream.dist.reliability;

import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.testkit.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code stepstream serve} in a child JVM (test classpath), killed or stopped by the test. */
final class ServeProcess {
  private final Process process;
  private final Path log;

  private ServeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts serve with a fixed instance id (static membership: a restart takes its partitions back at
   * once) and waits until it is ready.
   */
  static ServeProcess start(Settings settings, Path log, Duration readyTimeout) throws IOException {
    return start(settings, log, readyTimeout, "-Xmx384m");
  }

  /** As above, with {@code heapOption} (such as {@code -Xmx384m}) as the JVM's heap setting. */
  static ServeProcess start(Settings settings, Path log, Duration readyTimeout, String heapOption) throws IOException {
    return launch(settings, log, null, Duration.ofSeconds(6), heapOption).awaitReady(readyTimeout);
  }

  /**
   * Starts serve without waiting for it. With a key, SigV4 authentication is on and the key comes from
   * the environment, as the image takes it (so the instances share the peer secret derived from it);
   * without, {@code --auth none}.
   *
   * @param key the API's access key, or null
   * @param sessionTimeout the Streams session timeout: how long a killed instance keeps its partitions
   */
  static ServeProcess launch(Settings settings, Path log, AccessKey key, Duration sessionTimeout) throws IOException {
    return launch(settings, log, key, sessionTimeout, "-Xmx384m");
  }

  private static ServeProcess launch(Settings settings, Path log, AccessKey key, Duration sessionTimeout,
      String heapOption) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), heapOption,
        "-cp", System.getProperty("java.class.path"),
        "-Dstepstream.streams.session.timeout.ms=" + sessionTimeout.toMillis(),
        "-Dstepstream.streams.heartbeat.interval.ms=1000",
        "dev.stepstream.server.cli.Main", "serve", "--kafka", settings.bootstrapServers(),
        "--port", Integer.toString(settings.apiPort()), "--advertised-host", "127.0.0.1",
        "--topic-prefix", settings.topicPrefix(), "--application-id", settings.applicationId(),
        "--instance-id", settings.instanceId(), "--state-dir", settings.stateDir().toString(),
        "--profile", settings.profile(), "--auth", key == null ? "none" : "sigv4",
        "--token-keys", settings.tokenKeys().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (key != null) {
      builder.environment().put("STEPSTREAM_ACCESS_KEY_ID", key.id());
      builder.environment().put("STEPSTREAM_SECRET_ACCESS_KEY", key.secret());
    }
    return new ServeProcess(builder.start(), log);
  }

  /** Waits until serve says it is ready; kills it and fails with its output when it is not in time. */
  ServeProcess awaitReady(Duration readyTimeout) {
    try {
      Eventually.await(readyTimeout, () -> {
        String out = output();
        if (!out.contains("Press Ctrl-C to stop") && !process.isAlive()) {
          throw new IllegalStateException("serve exited early:\n" + out);
        }
        if (!out.contains("Press Ctrl-C to stop")) {
          throw new AssertionError("serve not ready yet");
        }
      });
      return this;
    } catch (AssertionError | RuntimeException e) {
      process.destroyForcibly();
      throw new AssertionError("serve was not ready within " + readyTimeout.toSeconds() + " s:\n" + safeOutput(), e);
    }
  }

  private String safeOutput() {
    try {
      return output();
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** The lines where the processor reports restoring state (empty when nothing was restored). */
  String restoreReport() throws IOException {
    return output().lines().filter(l -> l.contains("Restored ") || l.contains("Restoring state"))
        .map(String::strip).reduce((a, b) -> a + " | " + b).orElse("nothing restored");
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait for the clean stop (then kill -9 if it hangs). */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** What one serve instance is started with. */
  record Settings(String bootstrapServers, String topicPrefix, String applicationId, String instanceId,
      int apiPort, Path stateDir, Path tokenKeys, String profile) {
  }
}
