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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Runs the selected baselines and workflows on one broker and reports them side by side. */
public final class BenchRunner {
  /** W5 writes about four history events per item; 10,000 items need more than AWS's 25,000. */
  static final EngineOptions ENGINE = new EngineOptions(1_000, 100_000, 262_144);

  private final BenchOptions options;
  private final PrintWriter out;
  private final Progress progress;
  private final List<ScenarioResult> results = new ArrayList<>();
  private final Map<Profile, ScenarioResult> pingPongRoundTrips = new EnumMap<>(Profile.class);
  private final Map<Profile, ScenarioResult> pingPongLatency = new EnumMap<>(Profile.class);
  private ScenarioResult stateful;

  public BenchRunner(BenchOptions options, PrintWriter out) {
    this.options = options;
    this.out = out;
    this.progress = new Progress(out, options.progress());
  }

  public List<ScenarioResult> run() throws IOException, InterruptedException {
    double loadBefore = loadAverage();
    String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.createDirectories(options.workDir());
    BrokerProcess broker = null;
    try {
      String bootstrap = options.kafka();
      if (bootstrap == null) {
        progress.note("Starting the embedded broker in its own process ...");
        broker = BrokerProcess.start(options.workDir().resolve("broker.log"), List.of("-Xmx1g"));
        bootstrap = broker.bootstrapServers();
      }
      CpuMeter cpu = new CpuMeter(Optional.ofNullable(broker).map(BrokerProcess::handle));
      Window window = new Window(options.warmup(), options.measure(), cpu, progress);
      BenchKafka kafka = new BenchKafka(bootstrap, options.partitions(),
          "bench-" + UUID.randomUUID().toString().substring(0, 6) + ".", options.workDir().resolve("state"));
      baselines(kafka, window);
      for (Profile profile : options.profiles()) {
        workflows(kafka, window, cpu, profile);
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
      if (broker != null) {
        broker.close();
      }
      deleteQuietly(options.workDir());
    }
  }

  private void baselines(BenchKafka kafka, Window window) throws InterruptedException {
    int threads = options.streamThreads();
    if (options.runs("B0")) {
      add(new ScenarioResult("B0", "raw producer -> consumer", null, "records/s", RawPipe.run(kafka, window),
          null, null, null, null));
    }
    if (options.runs("B1")) {
      for (Profile settings : List.of(Profile.EXACTLY_ONCE, Profile.FAST)) {
        add(new ScenarioResult("B1", "Streams pass-through " + StreamsApps.describe(settings), null, "records/s",
            StreamsPipe.passThrough(kafka, window, settings, threads), null, null, null, null));
      }
    }
    if (options.runs("B2")) {
      stateful = add(new ScenarioResult("B2", "Streams get/put 1 KiB " + StreamsApps.describe(Profile.EXACTLY_ONCE),
          null, "records/s", StreamsPipe.stateful(kafka, window, Profile.EXACTLY_ONCE, threads), null, null, null,
          null));
    }
    if (options.runs("B3")) {
      for (Profile profile : options.profiles()) {
        try (PingPong pingPong = new PingPong(kafka, profile, threads)) {
          String settings = StreamsApps.describe(profile);
          pingPongRoundTrips.put(profile, add(new ScenarioResult("B3", "ping-pong 1,000 keys " + settings, null,
              "round trips/s", pingPong.roundTrips(window), null, null, null, null)));
          pingPongLatency.put(profile, add(new ScenarioResult("B3-lat",
              "ping-pong @" + (int) options.latencyRate() + "/s " + settings, null, "round trips/s",
              pingPong.latency(window, options.latencyRate()), null, null, null, null)));
        }
      }
    }
  }

  private void workflows(BenchKafka kafka, Window window, CpuMeter cpu, Profile profile) throws InterruptedException {
    if (options.scenarios().stream().noneMatch(s -> s.startsWith("W"))) {
      return;
    }
    progress.note("Starting the Stepstream processor, profile " + profile.settingName() + " ...");
    String p = profile.settingName();
    try (EngineRig rig = new EngineRig(kafka, profile, options.streamThreads(), ENGINE)) {
      Workflows w = new Workflows(rig, window);
      if (options.runs("W1")) {
        long failed = rig.failed();
        add(failures(Targets.w1(new ScenarioResult("W1", "10 Pass states [" + p + "]", p, "transitions/s",
            w.passChain(), stateful, null, null, null)), rig, failed));
      }
      if (options.runs("W2")) {
        long failed = rig.failed();
        add(failures(Targets.w2(new ScenarioResult("W2", "10 Task states, 1,000 in flight [" + p + "]", p,
            "round trips/s", w.taskChain(options.workerConcurrency()), pingPongRoundTrips.get(profile), null, null,
            null)), rig, failed));
      }
      if (options.runs("W3")) {
        long failed = rig.failed();
        add(failures(Targets.w3(new ScenarioResult("W3", "one Task @" + (int) options.latencyRate() + "/s [" + p + "]",
            p, "executions/s", w.oneTaskLatency(options.latencyRate(), options.workerConcurrency()),
            pingPongLatency.get(profile), null, null, null), profile), rig, failed));
      }
      if (options.runs("W4")) {
        long failed = rig.failed();
        add(failures(Targets.w4(new ScenarioResult("W4", "W4 (commands topic; API not yet available) [" + p + "]", p,
            "executions/s", w.starts(), stateful, null, null, null)), rig, failed));
      }
      if (options.runs("W5")) {
        Sample map = w.map(options.warmup(), options.measure(), cpu, progress);
        ScenarioResult r = new ScenarioResult("W5", "Map 10,000 items, MaxConcurrency 100 [" + p + "]", p, "items/s",
            map, stateful, null, null, "latency columns = whole Map execution");
        add(map.lostProbes() > 0 ? r.withNote(map.lostProbes() + " Map executions did not succeed") : r);
      }
    }
  }

  private static ScenarioResult failures(ScenarioResult r, EngineRig rig, long failedBefore) {
    long failed = rig.failed() - failedBefore;
    return failed == 0 ? r : r.withNote(failed + " executions ended other than SUCCEEDED");
  }

  private ScenarioResult add(ScenarioResult r) {
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
}
