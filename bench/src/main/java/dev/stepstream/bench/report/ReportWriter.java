package dev.stepstream.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.bench.harness.CpuSplit;
import dev.stepstream.bench.harness.Sample;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Prints the results as one table and writes them as a JSON report. */
public final class ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  public static void printTable(RunInfo run, List<ScenarioResult> results, PrintWriter out) {
    out.printf(Locale.ROOT, "%nstepstream bench%s  (%s; broker %s; %d partitions; load average %.2f -> %.2f)%n",
        run.quick() ? " --quick" : "", run.when(), run.broker(), run.partitions(), run.loadBefore(), run.loadAfter());
    String header = String.format(Locale.ROOT, "%-8s %-52s %14s %-15s %8s %8s %8s %9s %9s %9s %8s  %s",
        "id", "scenario", "rate", "unit", "p50 ms", "p99 ms", "p999 ms", "cpu us/u", "brk us/u", "eng us/u", "ratio",
        "target");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (ScenarioResult r : results) {
      Sample s = r.sample();
      out.printf(Locale.ROOT, "%-8s %-52s %,14.0f %-15s %8s %8s %8s %9s %9s %9s %8s  %s%n", r.id(),
          clip(r.title(), 52), s.perSecond(), r.unit(), num(s.latencyMillis(50)), num(s.latencyMillis(99)),
          num(s.latencyMillis(99.9)), num(s.selfCpuMicrosPerUnit()), num(s.brokerCpuMicrosPerUnit()),
          num(s.engineCpuMicrosPerUnit()), ratio(r), verdict(r));
      if (r.cpuSplit() != null) {
        CpuSplit c = r.cpuSplit();
        out.printf(Locale.ROOT, "%-8s   cpu us/u by thread: API %s, engine %s, load generator %s, other threads %s, "
            + "VM (GC, JIT) %s%n", "", num(c.apiMicrosPerUnit()), num(c.engineMicrosPerUnit()),
            num(c.loadMicrosPerUnit()), num(c.otherThreadsMicrosPerUnit()), num(c.vmMicrosPerUnit()));
      }
      if (r.note() != null) {
        out.printf("%-8s   note: %s%n", "", r.note());
      }
    }
    out.flush();
  }

  /** The ratio column: throughput ratio, or p50/p99 latency ratios. */
  static String ratio(ScenarioResult r) {
    if (r.isLatency()) {
      return String.format(Locale.ROOT, "%s/%s", num(r.latencyRatio(50)), num(r.latencyRatio(99)));
    }
    double t = r.throughputRatio();
    return Double.isNaN(t) ? "" : String.format(Locale.ROOT, "%.3f", t);
  }

  private static String verdict(ScenarioResult r) {
    if (r.target() == null) {
      return "";
    }
    return (Boolean.TRUE.equals(r.targetMet()) ? "MET " : "MISSED ") + r.target();
  }

  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }

  public static ObjectNode toJson(RunInfo run, List<ScenarioResult> results) {
    ObjectNode root = JSON.createObjectNode();
    root.put("quick", run.quick());
    root.put("startedAt", run.when());
    root.put("broker", run.broker());
    root.put("partitions", run.partitions());
    root.put("warmupSecondsPerScenario", run.warmupSeconds());
    root.put("measureSecondsPerScenario", run.measureSeconds());
    root.put("loadAverageBefore", run.loadBefore());
    root.put("loadAverageAfter", run.loadAfter());
    root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    ArrayNode scenarios = root.putArray("scenarios");
    for (ScenarioResult r : results) {
      scenarios.add(scenario(r));
    }
    return root;
  }

  private static ObjectNode scenario(ScenarioResult r) {
    Sample s = r.sample();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", r.id());
    o.put("title", r.title());
    o.put("profile", r.profile());
    o.put("unit", r.unit());
    o.put("perSecond", s.perSecond());
    o.put("count", s.count());
    o.put("seconds", s.seconds());
    putNumber(o, "cpuMicrosPerUnit", s.selfCpuMicrosPerUnit());
    putNumber(o, "brokerCpuMicrosPerUnit", s.brokerCpuMicrosPerUnit());
    if (!Double.isNaN(r.probesPerSecond())) {
      o.put("probesPerSecond", r.probesPerSecond());
    }
    putNumber(o, "engineCpuMicrosPerUnit", s.engineCpuMicrosPerUnit());
    if (r.cpuSplit() != null) {
      CpuSplit c = r.cpuSplit();
      ObjectNode split = o.putObject("cpuMicrosPerUnitByThread");
      putNumber(split, "api", c.apiMicrosPerUnit());
      putNumber(split, "engine", c.engineMicrosPerUnit());
      putNumber(split, "loadGenerator", c.loadMicrosPerUnit());
      putNumber(split, "otherThreads", c.otherThreadsMicrosPerUnit());
      putNumber(split, "vm", c.vmMicrosPerUnit());
    }
    if (s.latency() != null) {
      ObjectNode latency = o.putObject("latencyMillis");
      putNumber(latency, "p50", s.latencyMillis(50));
      putNumber(latency, "p99", s.latencyMillis(99));
      putNumber(latency, "p999", s.latencyMillis(99.9));
      putNumber(latency, "max", s.latency().getTotalCount() == 0 ? Double.NaN : s.latency().getMaxValue() / 1e6);
      latency.put("samples", s.latency().getTotalCount());
      latency.put("lost", s.lostProbes());
    }
    if (r.baseline() != null) {
      o.put("baseline", r.baseline().id());
      putNumber(o, "ratio", r.throughputRatio());
      putNumber(o, "p50Ratio", r.latencyRatio(50));
      putNumber(o, "p99Ratio", r.latencyRatio(99));
    }
    if (r.target() != null) {
      o.put("target", r.target());
      o.put("targetMet", r.targetMet());
    }
    if (r.note() != null) {
      o.put("note", r.note());
    }
    return o;
  }

  private static void putNumber(ObjectNode o, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(field);
    } else {
      o.put(field, v);
    }
  }

  public static void writeJson(RunInfo run, List<ScenarioResult> results, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    JSON.writeValue(file.toFile(), toJson(run, results));
  }
}
