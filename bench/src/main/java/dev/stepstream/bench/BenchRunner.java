package dev.stepstream.bench;

import dev.stepstream.bench.baseline.PingPong;
import dev.stepstream.bench.baseline.RawPipe;
import dev.stepstream.bench.baseline.StreamsPipe;
import dev.stepstream.bench.harness.BenchKafka;
import dev.stepstream.bench.harness.BrokerProcess;
import dev.stepstream.bench.harness.CpuMeter;
import dev.stepstream.bench.harness.Progress;
import dev.stepstream.bench.harness.Sample;
import dev.stepstream.bench.harness.StreamsApps;
import dev.stepstream.bench.harness.Window;
import dev.stepstream.bench.report.ReportWriter;
import dev.stepstream.bench.report.RunInfo;
import dev.stepstream.bench.report.ScenarioResult;
import dev.stepstream.bench.report.Targets;
import dev.stepstream.bench.workflow.EngineRig;
import dev.stepstream.bench.workflow.Workflows;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs the selected baselines and workflows on one broker and reports them side by side. */
public final class BenchRunner {
  /** W5 (10,000 Map items) writes more history events than the AWS limit of 25,000 allows. */
  static final EngineOptions ENGINE = new EngineOptions(1_000, 100_000, 262_144);

  private final BenchOptions options;
  private final PrintWriter out;
  private final Progress progress;
  private final List<ScenarioResult> results = new ArrayList<>();
  private final Map<Profile, ScenarioResult> pingPongRoundTrips = new EnumMap<>(Profile.class);
  /** B3-lat per profile and probe rate: each W3 is compared with the baseline at its own rate. */
  private final Map<Profile, Map<Double, ScenarioResult>> pingPongLatency = new EnumMap<>(Profile.class);
  private ScenarioResult stateful;
  private BrokerProcess broker;
  private Window window;

  public BenchRunner(BenchOptions options, PrintWriter out) {
    this.options = options;
    this.out = out;
    this.progress = new Progress(out, options.progress());
  }

  public List<ScenarioResult> run() throws IOException, InterruptedException {
    double loadBefore = loadAverage();
    String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.createDirectories(options.workDir());
    try {
      String bootstrap = options.kafka();
      if (bootstrap == null) {
        progress.note("Starting the embedded broker in its own process ...");
        broker = BrokerProcess.start(options.workDir().resolve("broker.log"), BenchOptions.BROKER_JVM_OPTIONS);
        bootstrap = broker.bootstrapServers();
      }
      CpuMeter cpu = new CpuMeter(Optional.ofNullable(broker).map(BrokerProcess::handle));
      Window window = new Window(options.warmup(), options.measure(), cpu, progress)
          .withNextWarmup(options.warmup().multipliedBy(5));
      this.window = window;
      BenchKafka kafka = new BenchKafka(bootstrap, options.partitions(),
          "bench-" + UUID.randomUUID().toString().substring(0, 6) + ".", options.workDir().resolve("state"));
      try {
        baselines(kafka, window);
        // The baselines warmed the JIT for Kafka's clients, not for the engine: the first workflow
        // scenario warms up as long as the run's first (with 8 s, W1 measured the JIT, not the engine).
        window.withNextWarmup(options.warmup().multipliedBy(5));
        for (Profile profile : options.profiles()) {
          workflows(kafka, window, cpu, profile);
        }
      } catch (IllegalStateException brokerGone) {
        progress.note("Stopped early: " + brokerGone.getMessage());
      }
      progress.clear();
      RunInfo info = new RunInfo(options.quick(), started, broker == null ? bootstrap : "embedded, own process",
          options.partitions(), options.warmup().toSeconds(), options.measure().toSeconds(), loadBefore, loadAverage());
      ReportWriter.printTable(info, results, out);
      if (options.json() != null) {
        ReportWriter.writeJson(info, results, options.json());
        out.println("JSON report: " + options.json());
      }
      return List.copyOf(results);
    } finally {
      progress.clear();
      boolean brokerHealthy = broker == null || broker.alive();
      if (broker != null) {
        broker.close();
      }
      deleteQuietly(brokerHealthy ? options.workDir() : options.workDir().resolve("state"));
    }
  }

  private void baselines(BenchKafka kafka, Window window) throws InterruptedException {
    if (options.runs("B0")) {
      guarded("B0", "raw producer -> consumer", () -> add(new ScenarioResult("B0", "raw producer -> consumer", null,
          "records/s", RawPipe.run(kafka, window), null, null, null, null)));
    }
    if (options.runs("B1")) {
      for (Profile settings : List.of(Profile.EXACTLY_ONCE, Profile.FAST)) {
        String title = "Streams pass-through " + StreamsApps.describe(settings);
        guarded("B1", title, () -> add(new ScenarioResult("B1", title, null, "records/s",
            StreamsPipe.passThrough(kafka, window, settings, options.streamThreads(settings)), null, null, null,
            null)));
      }
    }
    if (options.runs("B2")) {
      String title = "Streams get/put 1 KiB " + StreamsApps.describe(Profile.EXACTLY_ONCE);
      guarded("B2", title, () -> stateful = add(new ScenarioResult("B2", title, null, "records/s",
          StreamsPipe.stateful(kafka, window, Profile.EXACTLY_ONCE,
              options.streamThreads(Profile.EXACTLY_ONCE)), null, null, null, null)));
    }
    if (options.runs("B3")) {
      for (Profile profile : options.profiles()) {
        int threads = options.streamThreads(profile);
        String settings = StreamsApps.describe(profile) + (threads > 1 ? ", " + threads + " threads" : "");
        guarded("B3", "ping-pong " + settings, () -> {
          try (PingPong pingPong = new PingPong(kafka, profile, threads)) {
            pingPongRoundTrips.put(profile, add(new ScenarioResult("B3", "ping-pong 1,000 keys " + settings, null,
                "round trips/s", pingPong.roundTrips(window), null, null, null, null)));
            for (double rate : options.latencyRates()) {
              pingPongLatency.computeIfAbsent(profile, p -> new HashMap<>()).put(rate, add(
                  new ScenarioResult("B3-lat", "ping-pong @" + perSecond(rate) + " " + settings, null, "round trips/s",
                      pingPong.latency(window, rate), null, null, null, null).withProbesPerSecond(rate)));
            }
          }
        });
      }
    }
  }

  private void workflows(BenchKafka kafka, Window window, CpuMeter cpu, Profile profile) throws InterruptedException {
    if (options.scenarios().stream().noneMatch(s -> s.startsWith("W"))) {
      return;
    }
    progress.note("Starting the Stepstream processor, profile " + profile.settingName() + " ...");
    String p = profile.settingName();
    guarded("W*", "processor [" + p + "]", () -> {
      try (EngineRig rig = new EngineRig(kafka, profile, options.streamThreads(profile), ENGINE)) {
        workflowsOn(rig, new Workflows(rig, window), window, cpu, profile);
      }
    });
  }

  private void workflowsOn(EngineRig rig, Workflows w, Window window, CpuMeter cpu, Profile profile)
      throws InterruptedException {
    String p = profile.settingName();
    if (options.runs("W1")) {
      String title = "10 Pass states [" + p + "]";
      guarded("W1", title, () -> {
        long failed = rig.failed();
        add(failures(Targets.w1(new ScenarioResult("W1", title, p, "transitions/s", w.passChain(), stateful, null,
            null, null)), rig, failed));
      });
    }
    if (options.runs("W2")) {
      String title = "10 Task states, 1,000 in flight [" + p + "]";
      guarded("W2", title, () -> {
        long failed = rig.failed();
        add(failures(Targets.w2(new ScenarioResult("W2", title, p, "round trips/s",
            w.taskChain(options.workerConcurrency()), pingPongRoundTrips.get(profile), null, null, null)), rig,
            failed));
      });
    }
    if (options.runs("W3")) {
      for (double rate : options.latencyRates()) {
        String title = "one Task @" + perSecond(rate) + " [" + p + "]";
        ScenarioResult baseline = pingPongLatency.getOrDefault(profile, Map.of()).get(rate);
        guarded("W3", title, () -> {
          long failed = rig.failed();
          add(failures(Targets.w3(new ScenarioResult("W3", title, p, "executions/s",
              w.oneTaskLatency(rate, options.workerConcurrency()), baseline, null, null, null)
              .withProbesPerSecond(rate), profile), rig, failed));
        });
      }
    }
    if (options.runs("W4")) {
      boolean viaApi = options.api() != null;
      String title = viaApi ? "starts via HTTP API, " + BenchOptions.API_CONCURRENT_CALLS + " async calls [" + p + "]"
          : "W4 (commands topic; API not yet available) [" + p + "]";
      guarded("W4", title, () -> {
        long failed = rig.failed();
        // The scenarios before W4 did not run the HTTP API, and W4's starts change the engine's type
        // profiles: with the normal warm-up, W4 measured the JIT's recompilations, not the API.
        window.withNextWarmup(options.warmup().multipliedBy(5));
        Window.Split split = viaApi ? w.startsViaApi(options.api(), BenchOptions.API_CONCURRENT_CALLS) : null;
        Sample sample = viaApi ? split.sample() : w.starts();
        ScenarioResult r = failures(Targets.w4(new ScenarioResult("W4", title, p, "executions/s", sample, stateful,
            null, null, null, Double.NaN, viaApi ? split.cpu() : null)), rig, failed);
        add(sample.lostProbes() > 0 ? r.withNote(sample.lostProbes() + " StartExecution calls failed, the last with: "
            + abbreviated(w.lastApiFailure())) : r);
      });
    }
    if (options.runs("W5")) {
      String title = "Map 10,000 items, MaxConcurrency 100 [" + p + "]";
      guarded("W5", title, () -> {
        Sample map = w.map(options.warmup(), options.measure(), cpu, progress);
        ScenarioResult r = new ScenarioResult("W5", title, p, "items/s", map, stateful, null, null,
            "latency columns = whole Map execution");
        add(map.lostProbes() > 0 ? r.withNote(map.lostProbes() + " Map executions did not succeed") : r);
      });
    }
  }

  /** A probe rate as the titles show it: {@code 2,000/s}. */
  static String perSecond(double rate) {
    return String.format(Locale.ROOT, "%,.0f/s", rate);
  }

  private static ScenarioResult failures(ScenarioResult r, EngineRig rig, long failedBefore) {
    long failed = rig.failed() - failedBefore;
    return failed == 0 ? r : r.withNote(failed + " executions ended other than SUCCEEDED");
  }

  /** A scenario that can fail without losing the rest of the run. */
  private interface Step {
    void run() throws Exception;
  }

  private void guarded(String id, String title, Step step) throws InterruptedException {
    if (broker != null && !broker.alive()) {
      throw new IllegalStateException("the broker process has stopped; see the broker log in " + options.workDir());
    }
    try {
      step.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      progress.note("  FAILED: " + id + " " + title + ": " + e);
      results.add(new ScenarioResult(id, title, null, "-", new Sample(0, 0, 0, -1, null, 0), null, null, null,
          "FAILED: " + e));
    }
  }

  /** Records a row just measured, marked when its window measured the JIT too. */
  private ScenarioResult add(ScenarioResult measured) {
    String jitNote = window == null ? null : window.lastJitNote();
    ScenarioResult r = jitNote == null ? measured : measured.withNote(jitNote);
    results.add(r);
    progress.note(String.format(java.util.Locale.ROOT, "  done: %-6s %-50s %,.0f %s", r.id(), r.title(),
        r.sample().perSecond(), r.unit()));
    return r;
  }

  private static void deleteQuietly(java.nio.file.Path dir) {
    try (java.util.stream.Stream<java.nio.file.Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a leftover temporary directory is harmless
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String abbreviated(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + " ...";
  }
}
