package dev.stepstream.processor.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)}, evaluated on the wall clock of the
 * schedule's time zone. Daylight saving follows AWS: a time the clock skips in spring does not fire
 * that day, and a time the clock passes twice in autumn fires once (at its first occurrence).
 */
public record CronExpression(String text, BitSet minutes, BitSet hours, BitSet months, BitSet years,
    Predicate<LocalDate> days) implements ScheduleExpression {
  private static final int LAST_YEAR = 2199;
  private static final List<String> MONTH_NAMES =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final CronField MINUTES = new CronField("minutes", 0, 59, List.of(), true);
  private static final CronField HOURS = new CronField("hours", 0, 23, List.of(), true);
  private static final CronField MONTHS = new CronField("month", 1, 12, MONTH_NAMES, true);
  private static final CronField YEARS = new CronField("year", 1970, LAST_YEAR, List.of(), true);

  static CronExpression parse(String text) {
    String inner = text.substring(5, text.length() - 1).strip();
    String[] fields = inner.isEmpty() ? new String[0] : inner.split("\\s+");
    if (fields.length != 6) {
      throw new InvalidScheduleException(FIELD, text + " has " + fields.length + " fields, expected 6 "
          + "(minutes hours day-of-month month day-of-week year)");
    }
    return new CronExpression(text, MINUTES.parse(fields[0], text), HOURS.parse(fields[1], text),
        MONTHS.parse(fields[3], text), YEARS.parse(fields[5], text), CronDays.parse(fields[2], fields[4], text));
  }

  @Override
  public Optional<Instant> nextAfter(Instant after, ZoneId zone, Instant rateAnchor) {
    LocalDateTime from = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES);
    LocalDate date = from.toLocalDate();
    while (date.getYear() <= LAST_YEAR) {
      if (!years.get(date.getYear())) {
        date = LocalDate.of(date.getYear() + 1, 1, 1);
      } else if (!months.get(date.getMonthValue())) {
        date = date.withDayOfMonth(1).plusMonths(1);
      } else {
        if (days.test(date)) {
          Optional<Instant> found = firstOn(date, from, after, zone);
          if (found.isPresent()) {
            return found;
          }
        }
        date = date.plusDays(1);
      }
    }
    return Optional.empty();
  }

  private Optional<Instant> firstOn(LocalDate date, LocalDateTime from, Instant after, ZoneId zone) {
    for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
      for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        LocalDateTime local = date.atTime(h, m);
        if (local.isBefore(from)) {
          continue;
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
          continue; // skipped by daylight saving: no firing that day
        }
        Instant instant = local.toInstant(offsets.get(0));
        if (instant.isAfter(after)) {
          return Optional.of(instant);
        }
      }
    }
    return Optional.empty();
  }
}
