package dev.stepstream.bench.report;

import dev.stepstream.processor.Profile;

/** The targets, each a ratio to a same-run baseline or an absolute floor. */
public final class Targets {
  public static final double W1_TRANSITIONS_PER_SECOND = 100_000;
  public static final double W2_RATIO = 0.5;
  public static final double W4_EXECUTIONS_PER_SECOND = 5_000;

  private Targets() {}

  public static ScenarioResult w1(ScenarioResult r) {
    return r.withTarget(">= 100,000 transitions/s", r.sample().perSecond() >= W1_TRANSITIONS_PER_SECOND);
  }

  public static ScenarioResult w2(ScenarioResult r) {
    return r.withTarget(">= 0.5 x B3 round trips/s", r.throughputRatio() >= W2_RATIO);
  }

  /** W3: latency profile p50 <= 1.25x, p99 <= 1.5x; fast p50 and p99 <= 2x; exactly-once has none. */
  public static ScenarioResult w3(ScenarioResult r, Profile profile) {
    double p50 = r.latencyRatio(50);
    double p99 = r.latencyRatio(99);
    return switch (profile) {
      case LATENCY -> r.withTarget("p50 <= 1.25x, p99 <= 1.5x B3", p50 <= 1.25 && p99 <= 1.5);
      case FAST -> r.withTarget("p50 <= 2x, p99 <= 2x B3", p50 <= 2 && p99 <= 2);
      case EXACTLY_ONCE -> r;
    };
  }

  public static ScenarioResult w4(ScenarioResult r) {
    return r.withTarget(">= 5,000 executions/s", r.sample().perSecond() >= W4_EXECUTIONS_PER_SECOND);
  }
}
