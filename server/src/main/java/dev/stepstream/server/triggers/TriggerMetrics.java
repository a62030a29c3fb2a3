package dev.stepstream.server.triggers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One trigger's counters, tagged {@code trigger=<name>}: records read, matched, executions started,
 * records dead-lettered, and the lag (records of the source topic not yet read, summed over the
 * partitions this instance reads). With a concurrency limit also the trigger's running executions
 * as this instance last counted them, and whether it holds records at the limit. Counts are of
 * committed work: a batch whose transaction aborts is read again and counted again; a record held
 * at the limit is counted once, when it is moved.
 */
final class TriggerMetrics {
  private final Counter read;
  private final Counter matched;
  private final Counter started;
  private final Counter deadLettered;
  private final AtomicLong lag = new AtomicLong();
  private final AtomicLong running = new AtomicLong(-1);
  private volatile boolean held;

  TriggerMetrics(MeterRegistry registry, String trigger) {
    this.read = counter(registry, "stepstream.trigger.records.read", "Source records read", trigger);
    this.matched = counter(registry, "stepstream.trigger.records.matched", "Source records the filter matched", trigger);
    this.started = counter(registry, "stepstream.trigger.executions.started", "Start commands written", trigger);
    this.deadLettered = counter(registry, "stepstream.trigger.records.dead.lettered",
        "Source records sent to the dead-letter topic", trigger);
    Gauge.builder("stepstream.trigger.lag", lag, AtomicLong::get).description("Source records not yet read")
        .tag("trigger", trigger).register(registry);
    Gauge.builder("stepstream.trigger.executions.running", running, AtomicLong::get)
        .description("The trigger's executions running, as counted against its concurrency limit (-1: no limit)")
        .tag("trigger", trigger).register(registry);
  }

  private static Counter counter(MeterRegistry registry, String name, String help, String trigger) {
    return Counter.builder(name).description(help).tag("trigger", trigger).register(registry);
  }

  void committed(int readCount, int matchedCount, int startedCount, int deadLetteredCount) {
    read.increment(readCount);
    matched.increment(matchedCount);
    started.increment(startedCount);
    deadLettered.increment(deadLetteredCount);
  }

  void lag(long records) {
    lag.set(records);
  }

  /** @param count the running executions, or null without a concurrency limit */
  void running(Integer count, boolean heldAtLimit) {
    running.set(count == null ? -1 : count);
    held = heldAtLimit;
  }

  /** The running executions, or -1 without a concurrency limit. */
  long runningCount() {
    return running.get();
  }

  boolean heldAtLimit() {
    return held;
  }

  double readCount() {
    return read.count();
  }

  double matchedCount() {
    return matched.count();
  }

  long lagCount() {
    return lag.get();
  }

  double startedCount() {
    return started.count();
  }

  double deadLetteredCount() {
    return deadLettered.count();
  }
}
