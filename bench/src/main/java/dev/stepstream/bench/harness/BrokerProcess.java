package dev.stepstream.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded broker in its own JVM, as in production: same classpath, {@link BrokerMain} as main
 * class. Its log goes to a file; closing stops it and waits for it to exit.
 */
public final class BrokerProcess implements AutoCloseable {
  private final Process process;
  private final String bootstrapServers;

  private BrokerProcess(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  public static BrokerProcess start(Path logFile, List<String> jvmOptions) {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerMain.class.getName()));
    try {
      Process process = new ProcessBuilder(command)
          .redirectError(logFile.toFile())
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(BrokerMain.READY_PREFIX)) {
          return new BrokerProcess(process, line.substring(BrokerMain.READY_PREFIX.length()).trim());
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException("the broker process exited before it was ready; see " + logFile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the broker process: " + e.getMessage(), e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public boolean alive() {
    return process.isAlive();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
