package dev.stepstream.server.api;

import dev.stepstream.broker.EmbeddedBrokerConfig;
import dev.stepstream.broker.EmbeddedKafkaBroker;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.backend.ProcessorQueries;
import dev.stepstream.wire.TopicCatalogue;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a by-hand probe of the HTTP API's own CPU per StartExecution, as W4 drives it (a
 * one-Pass state machine, AWS JSON 1.0 over keep-alive HTTP/1.1), that holds on a loaded machine:
 * only the CPU time of the API's threads is counted (Jetty's request threads, the API's await pool,
 * its views and its producer's I/O thread, named as the bench's {@code ThreadCpu} groups them), divided
 * by the calls answered 200 in the round. The broker, the processor and the probe's clients run in
 * the same JVM but are not counted. Also reports the bytes those threads allocated per call. Calls
 * are offered at a fixed rate (not as fast as the machine answers): the API's fixed costs per poll,
 * batch and wakeup are then shared by as many calls in every run, so runs compare on a loaded machine
 * as long as it keeps up with the rate (the achieved rate is printed).
 *
 * <p>Run: {@code java -cp <server test classpath> dev.stepstream.server.api.ApiCpuProbe
 * [fast|latency|exactly-once] [calls per round] [calls per second] [client threads] [rounds]}
 * (defaults: fast, 10,000, 1,000, 128, 6; read the rounds after the JIT settled, the last three).
 */
public final class ApiCpuProbe {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ApiCpuProbe() {}

  public static void main(String[] args) throws Exception {
    Profile profile = Profile.parse(args.length > 0 ? args[0] : "fast");
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 1_000;
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 128;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 6;
    Path dir = Files.createTempDirectory("api-cpu-probe");
    TopicCatalogue topics = TopicCatalogue.load("probe.");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerConfig.ephemeral())) {
      try (TopicProvisioner provisioner = new TopicProvisioner(broker.bootstrapServers(), topics, 6, (short) 1)) {
        provisioner.ensureCatalogueTopics();
      }
      ProcessorConfig config = new ProcessorConfig(broker.bootstrapServers(), "api-probe", topics, dir.resolve("state"),
          profile, 1, Duration.ofMillis(50), Map.of());
      try (StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(),
          Duration.ofSeconds(120));
          ApiServer api = ApiServer.start(ApiSettings.defaults(broker.bootstrapServers(), topics).withPort(0),
              new ProcessorQueries(processor), processor.metrics())) {
        ProbeClients load = new ProbeClients(api.port(), clients);
        String machineArn = load.createMachine();
        for (int round = 1; round <= rounds; round++) {
          Map<Long, long[]> before = apiThreads();
          long wall = System.nanoTime();
          AtomicLong failed = new AtomicLong();
          long ok = load.startExecutions(machineArn, "r" + round + "-", calls, perSecond, failed);
          double seconds = (System.nanoTime() - wall) / 1e9;
          long[] spent = spentSince(before);
          System.out.printf(Locale.ROOT, "round %d %s: %d calls ok, %d failed, %.0f calls/s, API CPU %.1f us/call,"
                  + " API allocation %.0f bytes/call, load average %.2f%n", round, profile.settingName(), ok,
              failed.get(), ok / seconds, spent[0] / 1e3 / Math.max(1, ok), (double) spent[1] / Math.max(1, ok),
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
      }
    }
  }

  /** The API's threads as the bench's ThreadCpu groups them (its Group.API). */
  static boolean isApiThread(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("stepstream-api") || n.startsWith("qtp") || n.contains("jetty") || n.contains("javalin");
  }

  /** CPU nanoseconds and allocated bytes per API thread now. */
  private static Map<Long, long[]> apiThreads() {
    Map<Long, long[]> out = new HashMap<>();
    for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && isApiThread(info.getThreadName())) {
        long id = info.getThreadId();
        out.put(id, new long[] {THREADS.getThreadCpuTime(id), THREADS.getThreadAllocatedBytes(id)});
      }
    }
    return out;
  }

  private static long[] spentSince(Map<Long, long[]> before) {
    long cpu = 0;
    long bytes = 0;
    for (Map.Entry<Long, long[]> now : apiThreads().entrySet()) {
      long[] then = before.getOrDefault(now.getKey(), new long[2]);
      cpu += now.getValue()[0] - then[0];
      bytes += now.getValue()[1] - then[1];
    }
    return new long[] {cpu, bytes};
  }
}
