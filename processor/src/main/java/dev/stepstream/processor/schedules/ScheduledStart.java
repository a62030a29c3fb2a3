package dev.stepstream.processor.schedules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * What one firing starts: the execution name (the schedule name and the scheduled time in UTC, so a
 * repeated start of the same firing has the same name and is ignored) and the input, with EventBridge
 * Scheduler's context attributes substituted.
 */
public final class ScheduledStart {
  static final String SCHEDULE_ARN = "<aws.scheduler.schedule-arn>";
  static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";
  static final String EXECUTION_ID = "<aws.scheduler.execution-id>";
  static final String ATTEMPT_NUMBER = "<aws.scheduler.attempt-number>";
  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private ScheduledStart() {}

  /** {@code <name>-<yyyyMMdd'T'HHmmss>}: at most 64 + 16 = 80 characters, AWS's limit for execution names. */
  public static String executionName(String scheduleName, Instant scheduled) {
    return scheduleName + "-" + NAME_TIME.format(scheduled);
  }

  /** The input text with the context attributes replaced; no input is {@code {}}. */
  public static String input(String template, String scheduleArn, Instant scheduled) {
    if (template == null) {
      return "{}";
    }
    return template.replace(SCHEDULE_ARN, scheduleArn)
        .replace(SCHEDULED_TIME, DateTimeFormatter.ISO_INSTANT.format(scheduled.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
        .replace(EXECUTION_ID, executionId(scheduleArn, scheduled))
        .replace(ATTEMPT_NUMBER, "1");
  }

  /** 16 hex digits, stable for the firing (AWS's id is random per attempt; a retried firing here is the same one). */
  static String executionId(String scheduleArn, Instant scheduled) {
    CRC32 high = new CRC32();
    high.update((scheduleArn + "\n" + scheduled.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
    CRC32 low = new CRC32();
    low.update((scheduled.toEpochMilli() + "\n" + scheduleArn).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) high.getValue()) + HexFormat.of().toHexDigits((int) low.getValue());
  }
}
