package dev.stepstream.bench.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.bench.harness.CpuMeter;
import dev.stepstream.bench.harness.FloodProducer;
import dev.stepstream.bench.harness.LatencyProbes;
import dev.stepstream.bench.harness.OpenLoopScheduler;
import dev.stepstream.bench.harness.Progress;
import dev.stepstream.bench.harness.Sample;
import dev.stepstream.bench.harness.Window;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/** W1–W5 on one {@link EngineRig}. Execution names carry a run-unique prefix. */
public final class Workflows {
  public static final int CHAIN_STATES = 10;
  public static final int W1_IN_FLIGHT = 5_000;
  public static final int W2_IN_FLIGHT = 1_000;
  public static final int W4_IN_FLIGHT = 5_000;
  public static final int MAP_ITEMS = 10_000;
  public static final int MAP_CONCURRENCY = 100;
  private static final JsonNode SMALL_INPUT = JsonNodeFactory.instance.objectNode().put("order", 42);

  private final EngineRig rig;
  private final Window window;
  private final String tag;
  private String lastApiFailure = "";

  public Workflows(EngineRig rig, Window window) {
    this.rig = rig;
    this.window = window;
    this.tag = " [" + rig.profile().settingName() + "]";
  }

  /** W1: executions of a 10-state Pass chain; state transitions per second. */
  public Sample passChain() throws InterruptedException {
    Sample executions = flood("W1", BenchDefinitions.passChain(CHAIN_STATES), W1_IN_FLIGHT, "W1 Pass chain x10" + tag,
        "transitions/s", CHAIN_STATES);
    return executions;
  }

  /** W2: executions of 10 echo Task states, 1,000 in flight; task round trips per second. */
  public Sample taskChain(int workerConcurrency) throws InterruptedException {
    rig.startEchoWorker(workerConcurrency);
    String machine = rig.register("W2Tasks", BenchDefinitions.taskChain(CHAIN_STATES));
    String prefix = "w2-" + System.nanoTime() + "-";
    long base = rig.finished();
    try (FloodProducer starts = new FloodProducer(rig.producerConfig(), rig.commandsTopic(),
        n -> EngineRig.executionArn(machine, prefix + n), n -> EngineRig.startCommand(machine, prefix + n, SMALL_INPUT),
        () -> rig.finished() - base, W2_IN_FLIGHT).start()) {
      Sample sample = window.run("W2 Task chain x10" + tag, "round trips/s", rig::echoed, null, rig::engineCpuNanos);
      starts.close();
      awaitFinished(base + starts.sent());
      return sample;
    }
  }

  /** W3: one-Task executions started at a fixed rate; end-to-end latency from the scheduled start. */
  public Sample oneTaskLatency(double ratePerSecond, int workerConcurrency) throws InterruptedException {
    rig.startEchoWorker(workerConcurrency);
    String machine = rig.register("W3OneTask", BenchDefinitions.taskChain(1));
    String prefix = "w3-" + System.nanoTime() + "-";
    LatencyProbes probes = new LatencyProbes(System::nanoTime);
    AtomicLong ids = new AtomicLong();
    AtomicLong done = new AtomicLong();
    rig.onFinished(arn -> {
      int at = arn.lastIndexOf(prefix);
      if (at >= 0) {
        probes.completed(Long.parseLong(arn.substring(at + prefix.length())));
        done.incrementAndGet();
      }
    });
    try {
      Sample sample;
      try (OpenLoopScheduler scheduler = new OpenLoopScheduler(ratePerSecond, scheduled -> {
        long id = ids.incrementAndGet();
        probes.scheduled(id, scheduled);
        rig.start(machine, prefix + id, SMALL_INPUT);
      }, System::nanoTime).startThread("bench-w3-starts")) {
        sample = window.run("W3 one Task @" + (int) ratePerSecond + "/s" + tag, "executions/s", done::get,
            probes);
      }
      // At 2,000/s an overloaded processor leaves a backlog; it must not load the next scenario's window.
      awaitCount(done::get, ids.get());
      return sample;
    } finally {
      rig.onFinished(arn -> { });
    }
  }

  /** W4 through the commands topic: one-state executions started and finished per second. */
  public Sample starts() throws InterruptedException {
    return flood("W4", BenchDefinitions.passChain(1), W4_IN_FLIGHT, "W4 starts (commands topic)" + tag, "executions/s", 1);
  }

  /** Why the last failed StartExecution call of {@link #startsViaApi} failed; empty when none did. */
  public String lastApiFailure() {
    return lastApiFailure;
  }

  /**
   * W4 through the HTTP API: up to {@code concurrentCalls} asynchronous StartExecution calls outstanding;
   * executions started and finished per second, with the JVM's CPU split into the API's threads, the
   * engine's and the load generator's.
   */
  public Window.Split startsViaApi(ExecutionApi.Factory factory, int concurrentCalls) throws InterruptedException {
    try (ExecutionApi api = factory.start(rig.bootstrapServers(), rig.topics(), rig.processor())) {
      ApiStarts starts = new ApiStarts(rig, api);
      Window.Split split = starts.run(window, "W4 starts via HTTP API" + tag, concurrentCalls, W4_IN_FLIGHT);
      Sample sample = split.sample();
      if (starts.errors() > 0) {
        lastApiFailure = starts.lastError();
        return new Window.Split(new Sample(sample.count(), sample.seconds(), sample.selfCpuNanos(),
            sample.brokerCpuNanos(), null, starts.errors()), split.cpu());
      }
      return split;
    }
  }

  /**
   * W5: one Map execution over 10,000 items at a time, back to back: the first warms up, then as
   * many as fit in the measuring window (at least one). Counts items; latency is per execution.
   */
  public Sample map(Duration warmup, Duration measure, CpuMeter cpu, Progress progress) throws InterruptedException {
    String machine = rig.register("W5Map", BenchDefinitions.map(MAP_CONCURRENCY));
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    ArrayNode items = input.putArray("items");
    for (int i = 0; i < MAP_ITEMS; i++) {
      items.add(i);
    }
    String label = "W5 Map 10k items c=100" + tag;
    String prefix = "w5-" + System.nanoTime() + "-";
    long warmEnd = System.nanoTime() + warmup.toNanos();
    int n = 0;
    do {
      progress.show(label, "warm-up", Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000_000L), 0, "items/s");
      runOne(machine, prefix + n++, input, Duration.ofMinutes(5));
    } while (System.nanoTime() < warmEnd);
    Histogram durations = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    long failedBefore = rig.failed();
    long self = cpu.selfNanos();
    long broker = cpu.brokerNanos();
    long start = System.nanoTime();
    long end = start + measure.toNanos();
    long executions = 0;
    do {
      progress.show(label, "measuring", Math.max(0, (end - System.nanoTime()) / 1_000_000_000L),
          executions * MAP_ITEMS / Math.max(1e-9, (System.nanoTime() - start) / 1e9), "items/s");
      long t0 = System.nanoTime();
      runOne(machine, prefix + n++, input, Duration.ofMinutes(5));
      durations.recordValue(Math.min(System.nanoTime() - t0, durations.getHighestTrackableValue()));
      executions++;
    } while (System.nanoTime() < end);
    double seconds = (System.nanoTime() - start) / 1e9;
    long brokerEnd = cpu.brokerNanos();
    return new Sample(executions * MAP_ITEMS, seconds, cpu.selfNanos() - self,
        broker < 0 || brokerEnd < 0 ? -1 : brokerEnd - broker, durations, rig.failed() - failedBefore);
  }

  private void runOne(String machine, String name, JsonNode input, Duration timeout) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    String arn = EngineRig.executionArn(machine, name);
    rig.onFinished(finished -> {
      if (finished.equals(arn)) {
        done.countDown();
      }
    });
    rig.start(machine, name, input);
    if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("the W5 Map execution did not finish within " + timeout.toMinutes() + " min");
    }
    rig.onFinished(x -> { });
  }

  private Sample flood(String id, String definition, int inFlight, String label, String unit, int unitsPerExecution)
      throws InterruptedException {
    String machine = rig.register(id + "Machine", definition);
    String prefix = id.toLowerCase() + "-" + System.nanoTime() + "-";
    long base = rig.finished();
    try (FloodProducer starts = new FloodProducer(rig.producerConfig(), rig.commandsTopic(),
        n -> EngineRig.executionArn(machine, prefix + n), n -> EngineRig.startCommand(machine, prefix + n, SMALL_INPUT),
        () -> rig.finished() - base, inFlight).start()) {
      Sample sample = window.run(label, unit, () -> (rig.finished() - base) * unitsPerExecution, null,
          rig::engineCpuNanos);
      starts.close();
      awaitFinished(base + starts.sent());
      return sample;
    }
  }

  /** Lets the executions still in flight finish, so they do not load the next scenario's window. */
  private void awaitFinished(long total) {
    awaitCount(rig::finished, total);
  }

  private static void awaitCount(LongSupplier count, long total) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count.getAsLong() < total && System.nanoTime() < deadline) {
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
