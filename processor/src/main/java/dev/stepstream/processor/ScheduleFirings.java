package dev.stepstream.processor;

import dev.stepstream.processor.schedules.ScheduleSpec;
import dev.stepstream.processor.schedules.ScheduledStart;
import dev.stepstream.wire.ScheduleRecord;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireVersions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules on the processor's durable timers: the schedule record arrives on the commands topic keyed
 * by its ARN, so exactly one task owns it; that task keeps it in the {@code schedules} store with one
 * timer (id {@value #TIMER_ID}, which the engine never uses) for its next firing. When the timer fires,
 * the task writes the StartExecution to the commands topic and arms the next firing in the same
 * transaction, so each firing starts one execution; its name (schedule name + scheduled time) makes a
 * repeated start of the same firing a no-op.
 *
 * <p>A firing the punctuator reaches more than {@link #LATE_AFTER} after it was due (the processor was
 * down or the partition was moving) was missed. {@code FIRE_LATEST} starts one execution for the latest
 * missed firing and {@code SKIP} starts none; either way the schedule continues with its next firing
 * after now.
 */
final class ScheduleFirings {
  static final String TIMER_ID = "schedule";
  static final String STORE = "schedules";
  static final Duration LATE_AFTER = Duration.ofMinutes(1);
  private static final String ARN_PREFIX = "arn:aws:scheduler:";
  private static final int MAX_CATCH_UP_STEPS = 200_000;
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirings.class);

  private final KeyValueStore<String, byte[]> store;
  private final DurableTimers timers;
  private final RecordSink sink;
  private final ScheduleTargets targets;
  private final DeadLetters deadLetters;

  ScheduleFirings(KeyValueStore<String, byte[]> store, DurableTimers timers, RecordSink sink, ScheduleTargets targets,
      DeadLetters deadLetters) {
    this.store = store;
    this.timers = timers;
    this.sink = sink;
    this.targets = targets;
    this.deadLetters = deadLetters;
  }

  static boolean isScheduleKey(String key) {
    return key != null && key.startsWith(ARN_PREFIX);
  }

  static boolean isScheduleTimer(String timerId) {
    return TIMER_ID.equals(timerId);
  }

  /** A schedule's record (or tombstone) from the commands topic; what cannot be used is dead-lettered. */
  void onRecord(String key, byte[] value, long timestamp) {
    try {
      ScheduleRecord schedule = value == null ? null : WireJson.decode(value, ScheduleRecord.class);
      if (schedule != null && !schedule.arn().equals(key)) {
        deadLetters.send(key, value, "record key '" + key + "' does not match the schedule arn '" + schedule.arn() + "'",
            timestamp);
        return;
      }
      update(key, schedule);
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException e) {
      deadLetters.send(key, value, "schedule: " + e.getMessage(), timestamp);
    }
  }

  /** A schedule was created, changed, paused or resumed (its record), or deleted (null). */
  void update(String arn, ScheduleRecord schedule) {
    timers.cancel(arn, TIMER_ID);
    if (schedule == null) {
      store.delete(arn);
      return;
    }
    ScheduleEntry old = load(arn).orElse(null);
    Long last = old == null ? null : old.lastScheduledAt();
    ScheduleSpec spec = ScheduleSpec.of(schedule);
    Instant next = null;
    if (schedule.enabled()) {
      // from the change on (a resumed schedule does not make up for its pause), never a firing already made
      Instant after = Instant.ofEpochMilli(schedule.updatedAt() - 1);
      if (last != null && !after.isAfter(Instant.ofEpochMilli(last))) {
        after = Instant.ofEpochMilli(last);
      }
      next = spec.nextAfter(after).orElse(null);
    }
    save(arn, new ScheduleEntry(schedule, next == null ? null : next.toEpochMilli(), last), spec);
  }

  /** The schedule's timer fired at {@code nowMillis}; a failure is logged (the stream thread goes on). */
  void fire(String arn, long nowMillis) {
    try {
      fireNow(arn, nowMillis);
    } catch (KafkaException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Could not fire schedule {}", arn, e);
    }
  }

  private void fireNow(String arn, long nowMillis) {
    Optional<ScheduleEntry> found = load(arn);
    if (found.isEmpty() || !found.get().schedule().enabled() || found.get().nextScheduledAt() == null) {
      return;
    }
    ScheduleEntry entry = found.get();
    ScheduleSpec spec = ScheduleSpec.of(entry.schedule());
    Instant now = Instant.ofEpochMilli(nowMillis);
    Instant scheduled = Instant.ofEpochMilli(entry.nextScheduledAt());
    boolean missed = Duration.between(spec.dueAt(scheduled), now).compareTo(LATE_AFTER) > 0;
    Instant latest = missed ? latestDue(spec, scheduled, now) : scheduled;
    if (missed) {
      LOG.info("Schedule {} missed its firings from {} to {}; policy {}", arn, scheduled, latest,
          entry.schedule().missedFirings());
    }
    Long last = entry.lastScheduledAt();
    if (!missed || ScheduleRecord.FIRE_LATEST.equals(entry.schedule().missedFirings())) {
      start(entry.schedule(), latest, nowMillis);
      last = latest.toEpochMilli();
    }
    Instant next = spec.nextAfter(latest).orElse(null);
    save(arn, new ScheduleEntry(entry.schedule(), next == null ? null : next.toEpochMilli(), last), spec);
  }

  /** The latest scheduled time from {@code from} on whose due time has passed. */
  private static Instant latestDue(ScheduleSpec spec, Instant from, Instant now) {
    Instant latest = from;
    for (int i = 0; i < MAX_CATCH_UP_STEPS; i++) {
      Optional<Instant> next = spec.nextAfter(latest);
      if (next.isEmpty() || spec.dueAt(next.get()).isAfter(now)) {
        return latest;
      }
      latest = next.get();
    }
    return latest;
  }

  private void start(ScheduleRecord schedule, Instant scheduled, long nowMillis) {
    String name = ScheduledStart.executionName(schedule.name(), scheduled);
    String input = ScheduledStart.input(schedule.input(), schedule.arn(), scheduled);
    try {
      ScheduleTargets.Target target = targets.resolve(schedule.target(), name);
      StartExecution start = new StartExecution(WireVersions.CURRENT, target.executionArn(), target.stateMachineArn(),
          name, WireJson.mapper().readTree(input), nowMillis, target.aliasArn());
      sink.send(RecordSink.Topic.COMMANDS, start.executionArn(), WireJson.encode(start), nowMillis);
    } catch (IllegalArgumentException | java.io.IOException e) {
      deadLetters.send(schedule.arn(), WireJson.encode(schedule),
          "schedule " + schedule.name() + " at " + scheduled + ": " + e.getMessage(), nowMillis);
    }
  }

  private void save(String arn, ScheduleEntry entry, ScheduleSpec spec) {
    store.put(arn, entry.encode());
    if (entry.schedule().enabled() && entry.nextScheduledAt() != null) {
      timers.start(arn, TIMER_ID, spec.dueAt(Instant.ofEpochMilli(entry.nextScheduledAt())).toEpochMilli());
    }
  }

  Optional<ScheduleEntry> load(String arn) {
    byte[] bytes = store.get(arn);
    return bytes == null ? Optional.empty() : Optional.of(ScheduleEntry.decode(bytes));
  }
}
