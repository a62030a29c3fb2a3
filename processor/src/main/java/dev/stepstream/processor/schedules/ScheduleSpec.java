package dev.stepstream.processor.schedules;

import dev.stepstream.wire.ScheduleRecord;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * When a schedule fires: its expression in its time zone, bounded by StartDate and EndDate (which a
 * one-time {@code at()} schedule ignores, as AWS does), plus the offset its flexible time window adds.
 * Pure: every method takes the times it needs.
 *
 * @param anchor where a {@code rate()} counts from: the StartDate, else the creation time
 * @param windowMinutes the flexible time window; 0 when it is OFF
 */
public record ScheduleSpec(String arn, ScheduleExpression expression, ZoneId zone, Instant start, Instant end,
    Instant anchor, int windowMinutes) {

  /** The spec of a stored schedule; throws {@link InvalidScheduleException} naming the bad field. */
  public static ScheduleSpec of(ScheduleRecord schedule) {
    ScheduleExpression expression = ScheduleExpression.parse(schedule.scheduleExpression());
    ZoneId zone = zone(schedule.scheduleExpressionTimezone());
    Instant start = schedule.startDate() == null ? null : Instant.ofEpochMilli(schedule.startDate());
    Instant end = schedule.endDate() == null ? null : Instant.ofEpochMilli(schedule.endDate());
    if (start != null && end != null && !end.isAfter(start)) {
      throw new InvalidScheduleException("EndDate", "must be after the StartDate");
    }
    Integer window = schedule.maximumWindowInMinutes();
    if (window != null && (window < 1 || window > 1440)) {
      throw new InvalidScheduleException("FlexibleTimeWindow.MaximumWindowInMinutes", "must be 1-1440, not " + window);
    }
    return new ScheduleSpec(schedule.arn(), expression, zone, start, end,
        start != null ? start : Instant.ofEpochMilli(schedule.createdAt()), window == null ? 0 : window);
  }

  static ZoneId zone(String name) {
    if (name == null || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    try {
      if (ZoneId.getAvailableZoneIds().contains(name)) {
        return ZoneId.of(name);
      }
    } catch (DateTimeException e) {
      // reported below
    }
    throw new InvalidScheduleException("ScheduleExpressionTimezone",
        "'" + name + "' is not an IANA time zone name such as America/New_York or Europe/Lisbon");
  }

  private boolean oneTime() {
    return expression instanceof ScheduleExpression.At;
  }

  /** The first scheduled time strictly after {@code after}; empty when the schedule has no more. */
  public Optional<Instant> nextAfter(Instant after) {
    Instant from = !oneTime() && start != null && after.isBefore(start) ? start.minusMillis(1) : after;
    return expression.nextAfter(from, zone, anchor).filter(t -> oneTime() || end == null || !t.isAfter(end));
  }

  /**
   * The firing's place in the flexible time window: a fixed offset in whole seconds below the window,
   * a hash of the schedule ARN and the scheduled time, so it is the same on every instance and retry.
   */
  public long offsetMillis(Instant scheduled) {
    if (windowMinutes == 0) {
      return 0;
    }
    CRC32 crc = new CRC32();
    crc.update((arn + "\n" + scheduled.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
    return (crc.getValue() % (windowMinutes * 60L)) * 1000L;
  }

  /** When a firing scheduled at {@code scheduled} is due: the scheduled time plus its window offset. */
  public Instant dueAt(Instant scheduled) {
    return scheduled.plusMillis(offsetMillis(scheduled));
  }
}
