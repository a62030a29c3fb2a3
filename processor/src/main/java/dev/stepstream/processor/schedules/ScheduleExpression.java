package dev.stepstream.processor.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge Scheduler schedule expression: {@code cron(...)}, {@code rate(value unit)} or
 * {@code at(yyyy-mm-ddThh:mm:ss)}. Parsing refuses what AWS refuses, naming the field.
 */
public sealed interface ScheduleExpression
    permits CronExpression, ScheduleExpression.Rate, ScheduleExpression.At {
  String FIELD = "ScheduleExpression";

  /** The first firing strictly after {@code after}, in {@code zone}; empty when there is none. */
  Optional<Instant> nextAfter(Instant after, ZoneId zone, Instant rateAnchor);

  static ScheduleExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidScheduleException(FIELD, "is required");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
      return CronExpression.parse(trimmed);
    }
    if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
      return Rate.parse(trimmed);
    }
    if (trimmed.startsWith("at(") && trimmed.endsWith(")")) {
      return At.parse(trimmed);
    }
    throw new InvalidScheduleException(FIELD,
        "'" + trimmed + "' is not cron(...), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)");
  }

  /**
   * {@code rate(value unit)}: every {@code period}, counted from the anchor (the StartDate, else the
   * creation time). A day is 24 hours, whatever daylight saving does to the wall clock (as AWS does).
   */
  record Rate(Duration period) implements ScheduleExpression {
    private static final Pattern SHAPE = Pattern.compile("rate\\((\\d{1,9}) (minute|minutes|hour|hours|day|days)\\)");

    static Rate parse(String text) {
      Matcher m = SHAPE.matcher(text);
      if (!m.matches()) {
        throw new InvalidScheduleException(FIELD, "'" + text
            + "' is not a rate expression: rate(value unit) with a positive whole value and minute(s), hour(s) or day(s)");
      }
      long value = Long.parseLong(m.group(1));
      String unit = m.group(2);
      if (value == 0) {
        throw new InvalidScheduleException(FIELD, "'" + text + "' has a value of 0; the value must be positive");
      }
      boolean plural = unit.endsWith("s");
      if (value == 1 && plural || value > 1 && !plural) {
        throw new InvalidScheduleException(FIELD, "'" + text + "': the unit must be singular for a value of 1 and "
            + "plural otherwise (rate(1 hour), rate(5 hours))");
      }
      Duration period = switch (unit.charAt(0)) {
        case 'm' -> Duration.ofMinutes(value);
        case 'h' -> Duration.ofHours(value);
        default -> Duration.ofDays(value);
      };
      return new Rate(period);
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, ZoneId zone, Instant anchor) {
      if (after.isBefore(anchor)) {
        return Optional.of(anchor);
      }
      long periods = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
      return Optional.of(anchor.plusMillis(periods * period.toMillis()));
    }
  }

  /**
   * {@code at(yyyy-mm-ddThh:mm:ss)}: once, at that wall-clock time in the schedule's time zone. A time
   * that daylight saving skips is moved forward by the length of the gap; a repeated time is its first
   * occurrence.
   */
  record At(LocalDateTime time) implements ScheduleExpression {
    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    static At parse(String text) {
      String inner = text.substring(3, text.length() - 1);
      try {
        return new At(LocalDateTime.parse(inner, FORMAT));
      } catch (DateTimeParseException e) {
        throw new InvalidScheduleException(FIELD, "'" + text + "' is not at(yyyy-mm-ddThh:mm:ss)");
      }
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, ZoneId zone, Instant anchor) {
      Instant at = time.atZone(zone).toInstant();
      return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }
  }
}
