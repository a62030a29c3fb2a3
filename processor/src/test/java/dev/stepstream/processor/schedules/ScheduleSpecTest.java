package dev.stepstream.processor.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.ScheduleRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleSpecTest {
  private static final String ARN = "arn:aws:scheduler:us-east-1:123456789012:schedule/default/s";
  private static final long CREATED = Instant.parse("2026-12-04T10:00:00Z").toEpochMilli();

  private static ScheduleRecord schedule(String expression, String zone, Long start, Long end, Integer window) {
    return new ScheduleRecord(1, ARN, "s", expression, zone, window == null ? ScheduleRecord.OFF : ScheduleRecord.FLEXIBLE,
        window, start, end, "arn:aws:states:us-east-1:123456789012:stateMachine:M", null, ScheduleRecord.FIRE_LATEST,
        ScheduleRecord.ENABLED, CREATED, CREATED);
  }

  private static Instant next(ScheduleSpec spec, String after) {
    return spec.nextAfter(Instant.parse(after)).orElseThrow();
  }

  @Test
  void shouldStartARateAtCreationAndRepeatEveryPeriod() {
    ScheduleSpec spec = ScheduleSpec.of(schedule("rate(5 minutes)", null, null, null, null));
    assertThat(next(spec, "2026-12-04T09:00:00Z")).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    assertThat(next(spec, "2026-12-04T10:00:00Z")).isEqualTo(Instant.parse("2026-12-04T10:05:00Z"));
    assertThat(next(spec, "2026-12-04T10:07:30Z")).isEqualTo(Instant.parse("2026-12-04T10:10:00Z"));
  }

  @Test
  void shouldCountARateFromTheStartDate() {
    long start = Instant.parse("2026-12-05T00:00:00Z").toEpochMilli();
    ScheduleSpec spec = ScheduleSpec.of(schedule("rate(1 hour)", null, start, null, null));
    assertThat(next(spec, "2026-12-04T12:00:00Z")).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
    assertThat(next(spec, "2026-12-05T00:00:00Z")).isEqualTo(Instant.parse("2026-12-05T01:00:00Z"));
  }

  @Test
  void shouldTakeADayAs24HoursAcrossDaylightSaving() {
    long start = Instant.parse("2026-10-31T16:00:00Z").toEpochMilli(); // 12:00 EDT in New York
    ScheduleSpec spec = ScheduleSpec.of(schedule("rate(1 day)", "America/New_York", start, null, null));
    assertThat(next(spec, "2026-10-31T16:00:00Z")).isEqualTo(Instant.parse("2026-11-01T16:00:00Z")); // 11:00 EST
  }

  @Test
  void shouldRefuseRateUnitsThatDoNotAgreeWithTheValue() {
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 hours)")).hasMessageStartingWith("ScheduleExpression: ")
        .hasMessageContaining("singular for a value of 1");
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 minute)")).hasMessageContaining("plural otherwise");
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)")).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 weeks)")).hasMessageContaining("minute(s), hour(s) or day(s)");
    assertThatThrownBy(() -> ScheduleExpression.parse("every(5 minutes)"))
        .hasMessageContaining("is not cron(...), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)");
  }

  @Test
  void shouldFireAnAtScheduleOnceInItsTimeZone() {
    ScheduleSpec spec = ScheduleSpec.of(schedule("at(2026-12-24T18:00:00)", "America/New_York", null, null, null));
    assertThat(next(spec, "2026-12-04T00:00:00Z")).isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
    assertThat(spec.nextAfter(Instant.parse("2026-12-24T23:00:00Z"))).isEmpty();
    assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-12-24 18:00)"))
        .hasMessageContaining("is not at(yyyy-mm-ddThh:mm:ss)");
    assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-02-30T18:00:00)"))
        .hasMessageContaining("is not at(yyyy-mm-ddThh:mm:ss)");
  }

  @Test
  void shouldMoveAnAtTimeInASpringForwardGapForward() {
    ScheduleSpec spec = ScheduleSpec.of(schedule("at(2027-03-14T02:30:00)", "America/New_York", null, null, null));
    assertThat(next(spec, "2027-03-01T00:00:00Z")).isEqualTo(Instant.parse("2027-03-14T07:30:00Z")); // 03:30 EDT
  }

  @Test
  void shouldNotFireBeforeStartDateOrAfterEndDate() {
    long start = Instant.parse("2026-12-10T00:00:00Z").toEpochMilli();
    long end = Instant.parse("2026-12-11T12:00:00Z").toEpochMilli();
    ScheduleSpec spec = ScheduleSpec.of(schedule("cron(0 12 * * ? *)", null, start, end, null));
    assertThat(next(spec, "2026-12-04T00:00:00Z")).isEqualTo(Instant.parse("2026-12-10T12:00:00Z"));
    assertThat(next(spec, "2026-12-10T12:00:00Z")).isEqualTo(Instant.parse("2026-12-11T12:00:00Z"));
    assertThat(spec.nextAfter(Instant.parse("2026-12-11T12:00:00Z"))).isEmpty();
  }

  @Test
  void shouldRefuseAnUnknownTimeZoneNamingTheField() {
    assertThatThrownBy(() -> ScheduleSpec.of(schedule("rate(1 minute)", "Mars/Base", null, null, null)))
        .hasMessageStartingWith("ScheduleExpressionTimezone: 'Mars/Base' is not an IANA time zone name");
  }

  @Test
  void shouldRefuseAnEndDateBeforeTheStartDate() {
    assertThatThrownBy(() -> ScheduleSpec.of(schedule("rate(1 minute)", null, 2_000L, 1_000L, null)))
        .hasMessage("EndDate: must be after the StartDate");
  }

  @Test
  void shouldPlaceAFlexibleFiringAtAStableOffsetInsideTheWindow() {
    ScheduleSpec spec = ScheduleSpec.of(schedule("rate(1 hour)", null, null, null, 15));
    Instant scheduled = Instant.parse("2026-12-04T11:00:00Z");
    long offset = spec.offsetMillis(scheduled);
    assertThat(offset).isBetween(0L, 15 * 60_000L - 1).isEqualTo(ScheduleSpec.of(schedule("rate(1 hour)", null, null,
        null, 15)).offsetMillis(scheduled));
    assertThat(offset % 1000).isZero();
    assertThat(spec.dueAt(scheduled)).isEqualTo(scheduled.plusMillis(offset));
    assertThat(ScheduleSpec.of(schedule("rate(1 hour)", null, null, null, null)).offsetMillis(scheduled)).isZero();
  }

  @Test
  void shouldRefuseAWindowOutsideAwsBounds() {
    assertThatThrownBy(() -> ScheduleSpec.of(schedule("rate(1 hour)", null, null, null, 1441)))
        .hasMessage("FlexibleTimeWindow.MaximumWindowInMinutes: must be 1-1440, not 1441");
  }

  @Test
  void shouldNameExecutionsFromScheduleAndScheduledTime() {
    Instant scheduled = Instant.parse("2026-12-04T18:00:00Z");
    assertThat(ScheduledStart.executionName("nightly", scheduled)).isEqualTo("nightly-20261204T180000");
    assertThat(ScheduledStart.executionName("n".repeat(64), scheduled)).hasSize(80);
  }

  @Test
  void shouldSubstituteContextAttributesInTheInput() {
    Instant scheduled = Instant.parse("2026-12-04T18:00:00Z");
    String input = ScheduledStart.input("{\"at\":\"<aws.scheduler.scheduled-time>\",\"by\":\"<aws.scheduler.schedule-arn>\","
        + "\"id\":\"<aws.scheduler.execution-id>\",\"try\":<aws.scheduler.attempt-number>}", ARN, scheduled);
    assertThat(input).isEqualTo("{\"at\":\"2026-12-04T18:00:00Z\",\"by\":\"" + ARN + "\",\"id\":\""
        + ScheduledStart.executionId(ARN, scheduled) + "\",\"try\":1}");
    assertThat(ScheduledStart.executionId(ARN, scheduled)).matches("[0-9a-f]{16}");
    assertThat(ScheduledStart.input(null, ARN, scheduled)).isEqualTo("{}");
  }
}
