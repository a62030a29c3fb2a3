package dev.stepstream.dist.reliability;

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
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), heapOption,
        "-cp", System.getProperty("java.class.path"),
        "-Dstepstream.streams.session.timeout.ms=6000", "-Dstepstream.streams.heartbeat.interval.ms=1000",
        "dev.stepstream.server.cli.Main", "serve", "--kafka", settings.bootstrapServers(),
        "--port", Integer.toString(settings.apiPort()), "--advertised-host", "127.0.0.1",
        "--topic-prefix", settings.topicPrefix(), "--application-id", settings.applicationId(),
        "--instance-id", settings.instanceId(), "--state-dir", settings.stateDir().toString(),
        "--profile", settings.profile(), "--auth", "none", "--token-keys", settings.tokenKeys().toString()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServeProcess serve = new ServeProcess(child, log);
    try {
      Eventually.await(readyTimeout, () -> {
        String out = serve.output();
        if (!out.contains("Press Ctrl-C to stop") && !child.isAlive()) {
          throw new IllegalStateException("serve exited early:\n" + out);
        }
        if (!out.contains("Press Ctrl-C to stop")) {
          throw new AssertionError("serve not ready yet");
        }
      });
      return serve;
    } catch (AssertionError | RuntimeException e) {
      child.destroyForcibly();
      throw new AssertionError("serve was not ready within " + readyTimeout.toSeconds() + " s:\n" + serve.output(), e);
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
