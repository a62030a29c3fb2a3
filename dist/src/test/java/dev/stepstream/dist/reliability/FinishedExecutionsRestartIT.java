package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepstream.broker.FreePorts;
import dev.stepstream.wire.ExecutionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code dev} data directory holding many finished executions comes back after kill -9 of dev, and
 * after kill -9 of dev and its broker daemon, with every execution still there. Prints the restart
 * figures. The count is {@code -Dstepstream.restart.executions} (2,000 in CI; the reliability issue's
 * figure is for 100,000); {@code -Dstepstream.restart.dataDir} keeps the directory between runs (a
 * directory filled before is reused as it is), {@code -Dstepstream.restart.jvmOptions} adds JVM options
 * to dev.
 */
class FinishedExecutionsRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(FinishedExecutionsRestartIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXECUTIONS = Integer.getInteger("stepstream.restart.executions", 2_000);
  private static final Duration READY = Duration.ofSeconds(Long.getLong("stepstream.restart.readySeconds", 180));
  private static final String PASS = """
      {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "Result": "done", "ResultPath": "$.step", "End": true}}}
      """;

  @TempDir Path tempDir;
  private Path dataDir;
  private final int kafkaPort = FreePorts.pick();
  private final int apiPort = FreePorts.pick();
  private final ExecutionLoad api = new ExecutionLoad(apiPort);
  private DevProcess dev;

  @BeforeEach
  void chooseDataDir() {
    String kept = System.getProperty("stepstream.restart.dataDir");
    dataDir = kept == null || kept.isBlank() ? tempDir : Path.of(kept);
  }

  @AfterEach
  void stopAll() throws Exception {
    if (dev != null && dev.alive()) {
      dev.terminate();
    }
    DevProcess.stopLeftoverBroker(dataDir);
  }

  @Test
  void shouldBeReadyWithEveryFinishedExecutionAfterKillOfDevAndOfItsBroker() throws Exception {
    dev = start();
    LOG.info("first start: ready in {} ms", awaitReady(dev).toMillis());
    String machine = fillOnce();

    dev.kill();
    dev = start();
    Duration afterDevKill = awaitReady(dev);
    report("kill -9 of dev", afterDevKill);
    assertExecutionsKept(machine, "after-dev-kill");

    dev.kill();
    assertThat(DevProcess.killBroker(dataDir)).as("the broker daemon ran").isTrue();
    dev = start();
    Duration afterBothKilled = awaitReady(dev);
    report("kill -9 of dev and its broker", afterBothKilled);
    assertExecutionsKept(machine, "after-broker-kill");
  }

  /** Fills the directory with EXECUTIONS finished executions, unless a kept directory already holds them. */
  private String fillOnce() throws Exception {
    Path marker = dataDir.resolve("restart-it-filled");
    if (Files.exists(marker)) {
      return Files.readString(marker).trim();
    }
    String machine = api.createMachine("finished", PASS);
    long started = System.nanoTime();
    CommandFlood.start(bootstrapServers(), "stepstream.commands", machine, "done-", EXECUTIONS);
    try (SummaryCount count = new SummaryCount(bootstrapServers(), "stepstream.executions")) {
      count.await("done-", ExecutionStatus.SUCCEEDED, EXECUTIONS, Duration.ofSeconds(60 + EXECUTIONS / 100));
    }
    LOG.info("filled: {} executions finished in {} s", EXECUTIONS, (System.nanoTime() - started) / 1_000_000_000.0);
    Files.writeString(marker, machine);
    return machine;
  }

  private void assertExecutionsKept(String machine, String newName) throws Exception {
    for (String name : List.of("done-0", "done-" + (EXECUTIONS - 1))) {
      String arn = machine.replace(":stateMachine:", ":execution:") + ":" + name;
      JsonNode described = api.call("DescribeExecution", JSON.createObjectNode().put("executionArn", arn));
      assertThat(described.path("status").asText()).as(name).isEqualTo("SUCCEEDED");
      JsonNode events = api.call("GetExecutionHistory", JSON.createObjectNode().put("executionArn", arn)).path("events");
      assertThat(events.get(events.size() - 1).path("type").asText()).as(name).isEqualTo("ExecutionSucceeded");
    }
    api.start(machine, newName, 1);
    try (SummaryCount count = new SummaryCount(bootstrapServers(), "stepstream.executions")) {
      count.await(newName, ExecutionStatus.SUCCEEDED, 1, Duration.ofSeconds(60));
    }
  }

  private String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  private DevProcess start() throws Exception {
    String options = System.getProperty("stepstream.restart.jvmOptions", "").trim();
    return DevProcess.start(dataDir, kafkaPort, apiPort,
        options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")));
  }

  /** From the process start until {@code /health/ready} answers 200. */
  private Duration awaitReady(DevProcess process) throws Exception {
    long started = System.nanoTime();
    long deadline = started + READY.toNanos();
    while (!api.ready()) {
      if (!process.alive() || System.nanoTime() > deadline) {
        throw new AssertionError("dev was not ready within " + READY.toSeconds() + " s (alive: " + process.alive()
            + "); its output:\n" + process.output());
      }
      Thread.sleep(100);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private void report(String fault, Duration ready) throws Exception {
    Path log = Path.of("target", "restart-logs", fault.replaceAll("\\W+", "-") + ".log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, dev.output());
    String restore = dev.output().lines().filter(l -> l.contains("Restor")).map(String::strip)
        .reduce((a, b) -> a + " | " + b).orElse("nothing restored");
    LOG.info("RESTART after {} with {} finished executions: ready in {} ms; {}", fault, EXECUTIONS,
        ready.toMillis(), restore);
  }
}
