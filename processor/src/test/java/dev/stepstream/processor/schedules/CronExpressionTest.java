package dev.stepstream.processor.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant next(String expression, String after, ZoneId zone) {
    return ScheduleExpression.parse(expression).nextAfter(Instant.parse(after), zone, Instant.EPOCH).orElseThrow();
  }

  private static List<Instant> firings(String expression, String after, ZoneId zone, int count) {
    ScheduleExpression cron = ScheduleExpression.parse(expression);
    List<Instant> out = new ArrayList<>();
    Instant t = Instant.parse(after);
    for (int i = 0; i < count; i++) {
      t = cron.nextAfter(t, zone, Instant.EPOCH).orElseThrow();
      out.add(t);
    }
    return out;
  }

  @Test
  void shouldFireAtNoonEveryDayForAwsExample() {
    assertThat(next("cron(0 12 * * ? *)", "2026-12-04T13:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
    assertThat(next("cron(0 12 * * ? *)", "2026-12-04T11:59:59Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-12-04T12:00:00Z"));
  }

  @Test
  void shouldBeStrictlyAfterTheGivenTime() {
    assertThat(next("cron(0 12 * * ? *)", "2026-12-04T12:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
  }

  @Test
  void shouldRefuseWrongFieldCountNamingTheField() {
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * * ?)"))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageStartingWith("ScheduleExpression: cron(0 12 * * ?) has 5 fields, expected 6");
  }

  @Test
  void shouldRequireQuestionMarkInExactlyOneDayField() {
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * * * *)"))
        .hasMessageContaining("must use '?' in exactly one of day-of-month and day-of-week");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 ? * ? *)"))
        .hasMessageContaining("must use '?' in exactly one");
  }

  @Test
  void shouldRefuseValuesOutOfRange() {
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(60 12 * * ? *)"))
        .hasMessageContaining("minutes value 60 is outside 0-59");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * 13 ? *)"))
        .hasMessageContaining("month value 13 is outside 1-12");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 ? * 8 *)"))
        .hasMessageContaining("day-of-week value 8 is outside 1-7");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * * ? 2200)"))
        .hasMessageContaining("year value 2200 is outside 1970-2199");
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 ? * 2/2 *)"))
        .hasMessageContaining("'/' is not allowed in day-of-week");
  }

  @Test
  void shouldStepFromTheStartValueForSlash() {
    assertThat(firings("cron(1/10 * * * ? *)", "2026-12-04T10:00:00Z", ZoneOffset.UTC, 3)).containsExactly(
        Instant.parse("2026-12-04T10:01:00Z"), Instant.parse("2026-12-04T10:11:00Z"),
        Instant.parse("2026-12-04T10:21:00Z"));
    assertThat(firings("cron(0/15 * * * ? *)", "2026-12-04T10:50:00Z", ZoneOffset.UTC, 2)).containsExactly(
        Instant.parse("2026-12-04T11:00:00Z"), Instant.parse("2026-12-04T11:15:00Z"));
  }

  @Test
  void shouldReadMonthAndDayNamesAndRanges() {
    // AWS's example: 6:00 pm Monday through Friday
    assertThat(firings("cron(0 18 ? * MON-FRI *)", "2026-12-04T19:00:00Z", ZoneOffset.UTC, 2)).containsExactly(
        Instant.parse("2026-12-07T18:00:00Z"), Instant.parse("2026-12-08T18:00:00Z"));
    assertThat(next("cron(0 8 1 JAN,MAR ? *)", "2026-12-04T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2027-01-01T08:00:00Z"));
    assertThat(next("cron(0 8 ? * 1 *)", "2026-12-04T00:00:00Z", ZoneOffset.UTC)) // 1 is Sunday
        .isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
  }

  @Test
  void shouldFireOnTheLastDayOfTheMonthForL() {
    assertThat(firings("cron(0 0 L * ? *)", "2027-01-31T00:00:00Z", ZoneOffset.UTC, 2)).containsExactly(
        Instant.parse("2027-02-28T00:00:00Z"), Instant.parse("2027-03-31T00:00:00Z"));
    assertThat(next("cron(0 0 L 2 ? *)", "2027-03-01T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
  }

  @Test
  void shouldFireOnTheNearestWeekdayForW() {
    // 2026-08-15 is a Saturday: the Friday before
    assertThat(next("cron(0 9 15W * ? *)", "2026-08-01T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-08-14T09:00:00Z"));
    // 2026-08-01 is a Saturday: 1W does not leave the month, so Monday the 3rd
    assertThat(next("cron(0 9 1W * ? *)", "2026-07-31T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-08-03T09:00:00Z"));
    // 2027-01-31 is a Sunday: the last weekday is Friday the 29th
    assertThat(next("cron(0 9 LW * ? *)", "2027-01-01T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2027-01-29T09:00:00Z"));
  }

  @Test
  void shouldFireOnTheNthWeekdayForHash() {
    // AWS's example 3#2: the second Tuesday; 2026-12-01 is a Tuesday
    assertThat(next("cron(0 10 ? * 3#2 *)", "2026-12-01T11:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 10 ? * 3#1,6#3 *)"))
        .hasMessageContaining("'#' and 'L' take a single day");
  }

  @Test
  void shouldFireOnTheLastWeekdayOfTheMonthForNL() {
    // the last Friday of December 2026 is the 25th
    assertThat(next("cron(0 10 ? * 6L *)", "2026-12-01T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-12-25T10:00:00Z"));
    // L alone in day-of-week is its last day, Saturday
    assertThat(next("cron(0 10 ? * L *)", "2026-12-01T00:00:00Z", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
  }

  @Test
  void shouldEndAfterTheLastYear() {
    assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2027)")
        .nextAfter(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC, Instant.EPOCH)).isEmpty();
    assertThat(ScheduleExpression.parse("cron(0 0 30 2 ? *)")
        .nextAfter(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC, Instant.EPOCH)).isEmpty();
  }

  @Test
  void shouldSkipATimeThatSpringForwardRemoves() {
    // New York 2027-03-14: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that day
    assertThat(firings("cron(30 2 * * ? *)", "2027-03-13T00:00:00Z", NEW_YORK, 2)).containsExactly(
        Instant.parse("2027-03-13T07:30:00Z"), Instant.parse("2027-03-15T06:30:00Z"));
  }

  @Test
  void shouldFireOnceForATimeThatFallBackRepeats() {
    // New York 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice, fires at the first
    assertThat(firings("cron(30 1 * * ? *)", "2026-10-31T12:00:00Z", NEW_YORK, 2)).containsExactly(
        Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
    // an every-minute schedule does not run the repeated hour again
    assertThat(next("cron(* * * * ? *)", "2026-11-01T05:59:00Z", NEW_YORK))
        .isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
  }

  @Test
  void shouldKeepWallClockTimeAcrossDaylightSaving() {
    // 09:00 in Lisbon is 09:00Z in winter and 08:00Z in summer (2027-03-28 change)
    assertThat(firings("cron(0 9 * * ? *)", "2027-03-27T10:00:00Z", ZoneId.of("Europe/Lisbon"), 2)).containsExactly(
        Instant.parse("2027-03-28T08:00:00Z"), Instant.parse("2027-03-29T08:00:00Z"));
  }
}
