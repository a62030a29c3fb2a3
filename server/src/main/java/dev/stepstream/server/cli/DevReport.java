package dev.stepstream.server.cli;

import dev.stepstream.server.dev.DevEnvironment;
import dev.stepstream.server.dev.DevSettings;
import dev.stepstream.wire.ExecutionSummary;
import java.io.PrintWriter;
import java.util.Optional;

/** What dev prints: where everything runs, and how the sample execution went. */
final class DevReport {
  private DevReport() {}

  static void ready(PrintWriter out, DevEnvironment env, long millis) {
    DevSettings s = env.settings();
    out.println();
    out.printf("  Kafka     %s (%s)%n", env.bootstrapServers(),
        s.embedded() ? "embedded, data in " + s.kafkaDataDir() : "external cluster");
    out.printf("  Topics    %d ready: %s%n", env.topics().size(), String.join(", ", env.topics()));
    env.processor().ifPresent(p -> out.printf("  Engine    running (profile %s, state in %s)%n",
        s.profile().settingName(), s.stateDir()));
    env.extensionReport().forEach(row -> out.printf("  %-9s %s%n", row.label(), row.text()));
    out.println();
    out.printf("Stepstream dev is ready in %.1f s.%n", millis / 1000.0);
    out.flush();
  }

  static void sample(PrintWriter out, Optional<ExecutionSummary> sample) {
    if (sample.isEmpty()) {
      out.println("A sample execution did not finish within 60 s; check the logs.");
    } else {
      ExecutionSummary s = sample.get();
      out.printf("Sample execution %s %s in %d ms%n", s.name(), s.status(),
          s.stopDate() == null ? 0 : s.stopDate() - s.startDate());
      if (s.output() != null) {
        out.printf("  output: %s%n", s.output());
      }
      if (s.error() != null) {
        out.printf("  error: %s (%s)%n", s.error(), s.cause());
      }
    }
    out.flush();
  }
}
