package dev.stepstream.dist.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.broker.FreePorts;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.testkit.kafka.KafkaCluster;
import dev.stepstream.testkit.kafka.KafkaClusterExtension;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.TopicCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory of {@code serve} (heap used after a full GC, and the process's RSS) when idle, with
 * executions in flight (waiting on a Task no worker reads), and with many finished executions besides.
 * A measurement run by hand, not in CI (its name matches neither surefire's nor failsafe's patterns):
 * {@code -Dit.test=ServeMemoryMeasurement -Dstepstream.memory.inFlight=10000
 * -Dstepstream.memory.finished=100000} with failsafe (figures in docs/performance.md).
 */
@ExtendWith(KafkaClusterExtension.class)
@EnabledIfSystemProperty(named = "stepstream.memory.inFlight", matches = "\\d+")
class ServeMemoryMeasurement {
  private static final Logger LOG = LoggerFactory.getLogger(ServeMemoryMeasurement.class);
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final String WAITING = """
      {"StartAt": "Wait", "States": {"Wait": {"Type": "Task", "TimeoutSeconds": 86400,
        "Resource": "arn:aws:lambda:us-east-1:123456789012:function:NobodyServes", "End": true}}}
      """;
  private static final String PASS = """
      {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}
      """;

  @TempDir Path dir;

  @Test
  void shouldReportTheMemoryOfServeWithExecutionsInFlightAndFinished(KafkaCluster kafka) throws Exception {
    int inFlight = Integer.getInteger("stepstream.memory.inFlight");
    int finished = Integer.getInteger("stepstream.memory.finished", 0);
    String prefix = "memory.";
    TopicCatalogue topics = TopicCatalogue.load(prefix);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka.bootstrapServers(), topics, 6, (short) 1)) {
      provisioner.ensureCatalogueTopics();
    }
    ServeProcess.Settings settings = new ServeProcess.Settings(kafka.bootstrapServers(), prefix, "memory", "memory-1",
        FreePorts.pick(), dir.resolve("state"), dir.resolve("token-keys"), "EXACTLY_ONCE");
    ServeProcess serve = ServeProcess.start(settings, dir.resolve("serve.log"), Duration.ofSeconds(240),
        System.getProperty("stepstream.memory.heap", "-Xmx1g"));
    ExecutionLoad api = new ExecutionLoad(settings.apiPort());
    try (SummaryCount count = new SummaryCount(kafka.bootstrapServers(), topics.executions())) {
      report("idle", serve.pid());
      String waiting = api.createMachine("Waiting", WAITING);
      CommandFlood.start(kafka.bootstrapServers(), topics.commands(), waiting, "waits-", inFlight);
      count.await("waits-", ExecutionStatus.RUNNING, inFlight, Duration.ofSeconds(60 + inFlight / 50));
      report(inFlight + " in flight", serve.pid());
      if (finished > 0) {
        String passing = api.createMachine("Finishing", PASS);
        CommandFlood.start(kafka.bootstrapServers(), topics.commands(), passing, "done-", finished);
        count.await("done-", ExecutionStatus.SUCCEEDED, finished, Duration.ofSeconds(60 + finished / 50));
        report(inFlight + " in flight and " + finished + " finished", serve.pid());
      }
      assertThat(serve.alive()).isTrue();
    } finally {
      serve.stop();
    }
  }

  private static void report(String load, long pid) throws Exception {
    jcmd(pid, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    assertThat(used.find()).as("jcmd GC.heap_info names the heap used").isTrue();
    long rssKiB = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    LOG.info("MEMORY of serve with {}: heap used after GC {} MiB, RSS {} MiB; load average {}", load,
        Long.parseLong(used.group(1)) / 1024, rssKiB / 1024, Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return out;
  }
}
