package dev.stepstream.processor.schedules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day-of-month and day-of-week fields of a cron expression, which AWS lets only one of be used:
 * the other must be {@code ?}. Day of month: values, ranges, increments, {@code L} (last day),
 * {@code LW} (last weekday) and {@code nW} (the weekday nearest day n, within the month). Day of week
 * (1-7 or SUN-SAT, 1 is Sunday): values, ranges, {@code L} (Saturday, the last day of the week),
 * {@code nL} (the last weekday n of the month) and {@code n#k} (the k-th weekday n of the month).
 */
final class CronDays {
  private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final CronField DAY_OF_MONTH = new CronField("day-of-month", 1, 31, List.of(), true);
  private static final CronField DAY_OF_WEEK = new CronField("day-of-week", 1, 7, DAY_NAMES, false);
  private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(\\d{1,2})W");
  private static final Pattern LAST_WEEKDAY_OF = Pattern.compile("(\\w{1,3})L");
  private static final Pattern NTH_WEEKDAY = Pattern.compile("(\\w{1,3})#(\\d)");

  private CronDays() {}

  static Predicate<LocalDate> parse(String dayOfMonth, String dayOfWeek, String expression) {
    boolean anyMonthDay = dayOfMonth.equals("?");
    boolean anyWeekDay = dayOfWeek.equals("?");
    if (anyMonthDay == anyWeekDay) {
      throw CronField.error(expression, "must use '?' in exactly one of day-of-month and day-of-week");
    }
    return anyWeekDay ? monthDay(dayOfMonth, expression) : weekDay(dayOfWeek, expression);
  }

  private static Predicate<LocalDate> monthDay(String text, String expression) {
    if (text.equals("L")) {
      return d -> d.getDayOfMonth() == d.lengthOfMonth();
    }
    if (text.equals("LW")) {
      return d -> d.equals(nearestWeekday(d.withDayOfMonth(d.lengthOfMonth())));
    }
    Matcher nearest = NEAREST_WEEKDAY.matcher(text);
    if (nearest.matches()) {
      int day = Integer.parseInt(nearest.group(1));
      if (day < 1 || day > 31) {
        throw CronField.error(expression, "day-of-month value " + day + " is outside 1-31");
      }
      return d -> day <= d.lengthOfMonth() && d.equals(nearestWeekday(d.withDayOfMonth(day)));
    }
    if (text.contains("L") || text.contains("W")) {
      throw CronField.error(expression, "'" + text + "' is not a valid day-of-month (L, LW and nW stand alone)");
    }
    BitSet days = DAY_OF_MONTH.parse(text, expression);
    return d -> days.get(d.getDayOfMonth());
  }

  private static Predicate<LocalDate> weekDay(String text, String expression) {
    if (text.equals("L")) {
      return d -> cronDay(d) == 7;
    }
    Matcher last = LAST_WEEKDAY_OF.matcher(text);
    if (last.matches()) {
      int day = single(last.group(1), expression);
      return d -> cronDay(d) == day && d.plusWeeks(1).getMonth() != d.getMonth();
    }
    Matcher nth = NTH_WEEKDAY.matcher(text);
    if (nth.matches()) {
      int day = single(nth.group(1), expression);
      int k = Integer.parseInt(nth.group(2));
      if (k < 1 || k > 5) {
        throw CronField.error(expression, "the occurrence after '#' must be 1-5, not " + k);
      }
      return d -> cronDay(d) == day && (d.getDayOfMonth() - 1) / 7 + 1 == k;
    }
    if (text.contains("#") || text.contains("L")) {
      throw CronField.error(expression,
          "'" + text + "' is not a valid day-of-week ('#' and 'L' take a single day: 3#2, 6L)");
    }
    BitSet days = DAY_OF_WEEK.parse(text, expression);
    return d -> days.get(cronDay(d));
  }

  private static int single(String text, String expression) {
    BitSet one = DAY_OF_WEEK.parse(text, expression);
    if (one.cardinality() != 1) {
      throw CronField.error(expression, "'" + text + "' must be a single day-of-week");
    }
    return one.nextSetBit(0);
  }

  /** 1 = Sunday ... 7 = Saturday, as cron counts. */
  static int cronDay(LocalDate date) {
    return date.getDayOfWeek().getValue() % 7 + 1;
  }

  /** The weekday nearest {@code day}, not leaving its month. */
  static LocalDate nearestWeekday(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY) {
      return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
    }
    if (dow == DayOfWeek.SUNDAY) {
      return day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
    }
    return day;
  }
}
