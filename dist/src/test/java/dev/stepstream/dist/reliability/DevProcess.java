package dev.stepstream.dist.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code java -jar stepstream.jar dev ...} as a child process, as a user runs it. */
final class DevProcess {
  private static final Path LAUNCHER = Path.of("target", "stepstream.jar");

  private final Process process;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final StringBuilder output = new StringBuilder();

  private DevProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "dev-output");
    reader.setDaemon(true);
    reader.start();
  }

  static DevProcess start(Path dataDir, int kafkaPort, int apiPort) throws IOException {
    return start(dataDir, kafkaPort, apiPort, List.of());
  }

  /** As above, with further JVM options (system properties, heap) before {@code -jar}. */
  static DevProcess start(Path dataDir, int kafkaPort, int apiPort, List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", LAUNCHER.toString(), "dev", "--data-dir", dataDir.toString(), "--port",
        Integer.toString(kafkaPort), "--api-port", Integer.toString(apiPort), "--no-sample"));
    return new DevProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Waits for "Press Ctrl-C"; fails with the output so far when dev exits or takes longer than {@code timeout}. */
  Duration awaitReady(Duration timeout) throws Exception {
    long started = System.nanoTime();
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("dev was not ready within " + timeout.toSeconds() + " s (alive: " + process.isAlive()
          + "); its output:\n" + output(), e);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** SIGTERM, and wait for the clean stop. */
  void terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError("dev did not stop within 90 s of SIGTERM; its output:\n" + output());
    }
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  synchronized String output() {
    return output.toString();
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (this) {
          output.append(line).append('\n');
        }
        if (line.contains("Press Ctrl-C")) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
    ready.completeExceptionally(new IllegalStateException("dev exited"));
  }

  /** Stops a broker that a killed dev left running for {@code dataDir}, if any (test clean-up). */
  static void stopLeftoverBroker(Path dataDir) throws IOException {
    killBroker(dataDir);
  }

  /** kill -9 of the broker daemon dev started for {@code dataDir}; false when none runs. */
  static boolean killBroker(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("kafka-broker.pid");
    if (!Files.exists(pidFile)) {
      return false;
    }
    String pid = Files.readString(pidFile).trim().split(" ")[0];
    return ProcessHandle.of(Long.parseLong(pid)).map(broker -> {
      broker.destroyForcibly();
      broker.onExit().join();
      return true;
    }).orElse(false);
  }
}
